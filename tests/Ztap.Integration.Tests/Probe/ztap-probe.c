/* The integration tests' traffic: servers and clients that join a workload's cgroup and a
 * network namespace before opening any socket, as a workload's processes would.
 *
 *   ztap-probe CGROUP NETNS serve ADDR PORT...          TCP, UDP and SCTP echo on each port; prints "ready"
 *   ztap-probe CGROUP NETNS tcp SRC DST PORT TIMEOUT_MS  one connection, one echo
 *   ztap-probe CGROUP NETNS udp SRC DST PORT TIMEOUT_MS  one datagram, one echo
 *   ztap-probe CGROUP NETNS ping SRC DST TIMEOUT_MS      one ICMP or ICMPv6 echo
 *   ztap-probe CGROUP NETNS sctp SRC DST PORT TIMEOUT_MS one SCTP packet, one echo
 *   ztap-probe CGROUP NETNS stream SRC DST PORT TIMEOUT_MS
 *       one connection; each line on stdin sends a byte and prints the outcome of its echo
 *   ztap-probe CGROUP NETNS loop SRC DST PORT TIMEOUT_MS
 *       a new connection per line on stdin, printing each outcome
 *
 * SCTP goes through raw sockets, so it needs no SCTP stack in the kernel: the client sends one
 * packet (common header and a DATA chunk), the server answers it with the ports swapped. The
 * kernel's cgroup programs see these packets as they would an SCTP association's.
 *
 * Client outcomes, one word a line: allow (the echo came back), eperm (the kernel refused the
 * send or connect at once), timeout (nothing came back), refused (RST), error:ERRNO. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_FDS 512

static void fail(const char *what)
{
	fprintf(stderr, "ztap-probe: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void join(const char *cgroup, const char *netns)
{
	char path[4096];
	FILE *procs;
	int fd;

	snprintf(path, sizeof(path), "%s/cgroup.procs", cgroup);
	procs = fopen(path, "w");
	if (!procs || fprintf(procs, "%d\n", getpid()) < 0 || fclose(procs) != 0)
		fail(path);
	fd = open(netns, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
		fail(netns);
	close(fd);
}

static socklen_t address(const char *text, int port, struct sockaddr_storage *out)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)out;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)out;

	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons(port);
		return sizeof(*v4);
	}
	if (inet_pton(AF_INET6, text, &v6->sin6_addr) == 1) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons(port);
		return sizeof(*v6);
	}
	fprintf(stderr, "ztap-probe: bad address %s\n", text);
	exit(2);
}

static const char *outcome(int error)
{
	static char text[32];

	switch (error) {
	case 0:
		return "allow";
	case EPERM:
		return "eperm";
	case ETIMEDOUT:
		return "timeout";
	case ECONNREFUSED:
		return "refused";
	default:
		snprintf(text, sizeof(text), "error:%d", error);
		return text;
	}
}

/* Waits for the socket to become readable; returns 0 or ETIMEDOUT. */
static int wait_readable(int fd, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	return poll(&p, 1, timeout_ms) == 1 ? 0 : ETIMEDOUT;
}

static int client_socket(const char *src, int type, int protocol, struct sockaddr_storage *dst, socklen_t *dst_len,
			 const char *dst_text, int port)
{
	struct sockaddr_storage local;
	socklen_t local_len = address(src, 0, &local);
	int fd;

	*dst_len = address(dst_text, port, dst);
	fd = socket(dst->ss_family, type | SOCK_CLOEXEC, protocol);
	if (fd < 0)
		fail("socket");
	if (bind(fd, (struct sockaddr *)&local, local_len) < 0)
		fail("bind");
	return fd;
}

/* Connects with a deadline; returns 0 or the errno that ended the attempt. */
static int connect_tcp(const char *src, const char *dst, int port, int timeout_ms, int *out)
{
	struct sockaddr_storage remote;
	socklen_t remote_len, len = sizeof(int);
	int fd = client_socket(src, SOCK_STREAM | SOCK_NONBLOCK, 0, &remote, &remote_len, dst, port);
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int error = 0;

	if (connect(fd, (struct sockaddr *)&remote, remote_len) < 0 && errno != EINPROGRESS) {
		error = errno;
	} else if (poll(&p, 1, timeout_ms) != 1) {
		error = ETIMEDOUT;
	} else {
		getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len);
	}
	if (error) {
		close(fd);
		return error;
	}
	*out = fd;
	return 0;
}

static int echo_once(int fd, int timeout_ms)
{
	char byte = 'z';

	if (send(fd, &byte, 1, MSG_NOSIGNAL) < 0)
		return errno;
	if (wait_readable(fd, timeout_ms))
		return ETIMEDOUT;
	return recv(fd, &byte, 1, 0) == 1 ? 0 : (errno ? errno : ECONNRESET);
}

static int tcp_once(const char *src, const char *dst, int port, int timeout_ms)
{
	int fd, error = connect_tcp(src, dst, port, timeout_ms, &fd);

	if (error)
		return error;
	error = echo_once(fd, timeout_ms);
	close(fd);
	return error;
}

static int udp_once(const char *src, const char *dst, int port, int timeout_ms)
{
	struct sockaddr_storage remote;
	socklen_t remote_len;
	int fd = client_socket(src, SOCK_DGRAM, 0, &remote, &remote_len, dst, port);
	char byte = 'z';
	int error = 0;

	if (sendto(fd, &byte, 1, 0, (struct sockaddr *)&remote, remote_len) < 0)
		error = errno;
	else if (wait_readable(fd, timeout_ms))
		error = ETIMEDOUT;
	else if (recv(fd, &byte, 1, 0) != 1)
		error = errno;
	close(fd);
	return error;
}

static unsigned short checksum(const void *data, int length)
{
	const unsigned short *words = data;
	unsigned long sum = 0;

	for (; length > 1; length -= 2)
		sum += *words++;
	if (length)
		sum += *(const unsigned char *)words;
	sum = (sum >> 16) + (sum & 0xffff);
	sum += sum >> 16;
	return ~sum;
}

static int ping_once(const char *src, const char *dst, int timeout_ms)
{
	struct sockaddr_storage remote;
	socklen_t remote_len;
	int v6 = strchr(dst, ':') != NULL;
	int fd = client_socket(src, SOCK_RAW, v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP, &remote, &remote_len, dst, 0);
	unsigned short id = (unsigned short)getpid();
	unsigned char packet[64] = { 0 }, reply[256];
	struct icmphdr *icmp = (struct icmphdr *)packet;

	icmp->type = v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	icmp->un.echo.id = htons(id);
	icmp->un.echo.sequence = htons(1);
	if (!v6)
		icmp->checksum = checksum(packet, sizeof(packet));
	if (sendto(fd, packet, sizeof(packet), 0, (struct sockaddr *)&remote, remote_len) < 0) {
		int error = errno;
		close(fd);
		return error;
	}
	for (;;) {
		ssize_t n;
		unsigned char *header;

		if (wait_readable(fd, timeout_ms)) {
			close(fd);
			return ETIMEDOUT;
		}
		n = recv(fd, reply, sizeof(reply), 0);
		/* Raw IPv4 sockets receive the IP header; raw ICMPv6 sockets do not. */
		header = v6 ? reply : reply + (reply[0] & 0x0f) * 4;
		if (n > 0 && header[0] == (v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY) &&
		    ((header[4] << 8) | header[5]) == id) {
			close(fd);
			return 0;
		}
	}
}

struct sctp_packet {
	unsigned short source_port;
	unsigned short destination_port;
	unsigned int tag;
	unsigned int checksum;
	unsigned char chunk[16];
};

/* The SCTP packet in a raw socket's datagram: raw IPv4 sockets receive the IP header, IPv6 ones do not. */
static struct sctp_packet *sctp_in(unsigned char *datagram, ssize_t length, int v6)
{
	ssize_t header = v6 ? 0 : (datagram[0] & 0x0f) * 4;

	return length >= header + (ssize_t)sizeof(struct sctp_packet) ? (struct sctp_packet *)(datagram + header) : NULL;
}

static int sctp_once(const char *src, const char *dst, int port, int timeout_ms)
{
	struct sockaddr_storage remote;
	socklen_t remote_len;
	int v6 = strchr(dst, ':') != NULL;
	int fd = client_socket(src, SOCK_RAW, IPPROTO_SCTP, &remote, &remote_len, dst, 0);
	struct sctp_packet packet = {
		.source_port = htons(40000 + getpid() % 20000),
		.destination_port = htons(port),
		.tag = htonl(getpid()),
		.chunk = { 0, 3, 0, 16 }, /* DATA, flags B|E, length 16 */
	};
	unsigned char reply[2048];

	if (sendto(fd, &packet, sizeof(packet), 0, (struct sockaddr *)&remote, remote_len) < 0) {
		int error = errno;
		close(fd);
		return error;
	}
	for (;;) {
		struct sctp_packet *answer;

		if (wait_readable(fd, timeout_ms)) {
			close(fd);
			return ETIMEDOUT;
		}
		answer = sctp_in(reply, recv(fd, reply, sizeof(reply), 0), v6);
		if (answer && answer->tag == packet.tag && answer->source_port == packet.destination_port &&
		    answer->destination_port == packet.source_port) {
			close(fd);
			return 0;
		}
	}
}

static int listen_on(const char *addr, int port, int type)
{
	struct sockaddr_storage local;
	socklen_t len = address(addr, port, &local);
	int one = 1;
	int fd = socket(local.ss_family, type | SOCK_CLOEXEC, 0);

	if (fd < 0)
		fail("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&local, len) < 0)
		fail("bind");
	if (type == SOCK_STREAM && listen(fd, 128) < 0)
		fail("listen");
	return fd;
}

/* Answers an SCTP packet to one of the served ports with the ports swapped. */
static void sctp_echo(int fd, char **ports, int count)
{
	unsigned char buffer[2048];
	struct sockaddr_storage peer;
	socklen_t peer_len = sizeof(peer);
	ssize_t got = recvfrom(fd, buffer, sizeof(buffer), 0, (struct sockaddr *)&peer, &peer_len);
	struct sctp_packet *packet = got > 0 ? sctp_in(buffer, got, peer.ss_family == AF_INET6) : NULL;
	struct sctp_packet answer;

	if (!packet)
		return;
	for (int i = 0; i < count; i++) {
		if (ntohs(packet->destination_port) != atoi(ports[i]))
			continue;
		answer = *packet;
		answer.source_port = packet->destination_port;
		answer.destination_port = packet->source_port;
		if (peer.ss_family == AF_INET6)
			((struct sockaddr_in6 *)&peer)->sin6_port = 0;
		sendto(fd, &answer, sizeof(answer), 0, (struct sockaddr *)&peer, peer_len);
		return;
	}
}

static int serve(const char *addr, char **ports, int count)
{
	struct pollfd fds[MAX_FDS];
	struct sockaddr_storage local;
	socklen_t local_len = address(addr, 0, &local);
	int listeners = 0, n, sctp = socket(local.ss_family, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_SCTP);

	for (int i = 0; i < count && listeners + 2 < MAX_FDS / 2; i++) {
		fds[listeners++] = (struct pollfd){ .fd = listen_on(addr, atoi(ports[i]), SOCK_STREAM), .events = POLLIN };
		fds[listeners++] = (struct pollfd){ .fd = listen_on(addr, atoi(ports[i]), SOCK_DGRAM), .events = POLLIN };
	}
	if (sctp < 0 || bind(sctp, (struct sockaddr *)&local, local_len) < 0)
		fail("sctp socket");
	fds[listeners++] = (struct pollfd){ .fd = sctp, .events = POLLIN };
	n = listeners;
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		if (poll(fds, n, -1) < 0 && errno != EINTR)
			fail("poll");
		for (int i = 0; i < n; i++) {
			char buffer[2048];
			struct sockaddr_storage peer;
			socklen_t peer_len = sizeof(peer);
			int type = 0;
			socklen_t type_len = sizeof(type);

			if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (fds[i].fd == sctp) {
				sctp_echo(sctp, ports, count);
				continue;
			}
			getsockopt(fds[i].fd, SOL_SOCKET, SO_TYPE, &type, &type_len);
			if (i < listeners && type == SOCK_STREAM) {
				int client = accept4(fds[i].fd, NULL, NULL, SOCK_CLOEXEC);
				if (client >= 0 && n < MAX_FDS)
					fds[n++] = (struct pollfd){ .fd = client, .events = POLLIN };
				else if (client >= 0)
					close(client);
			} else if (type == SOCK_DGRAM) {
				ssize_t got = recvfrom(fds[i].fd, buffer, sizeof(buffer), 0, (struct sockaddr *)&peer, &peer_len);
				if (got > 0)
					sendto(fds[i].fd, buffer, got, 0, (struct sockaddr *)&peer, peer_len);
			} else {
				ssize_t got = recv(fds[i].fd, buffer, sizeof(buffer), 0);
				if (got <= 0 || send(fds[i].fd, buffer, got, MSG_NOSIGNAL) < 0) {
					close(fds[i].fd);
					fds[i--] = fds[--n];
				}
			}
		}
	}
}

int main(int argc, char **argv)
{
	char line[64];
	const char *mode;

	if (argc < 5) {
		fprintf(stderr, "usage: ztap-probe CGROUP NETNS MODE ARGS...\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	join(argv[1], argv[2]);
	mode = argv[3];
	if (!strcmp(mode, "serve"))
		return serve(argv[4], argv + 5, argc - 5);
	if (!strcmp(mode, "tcp") && argc == 8)
		return printf("%s\n", outcome(tcp_once(argv[4], argv[5], atoi(argv[6]), atoi(argv[7])))) < 0;
	if (!strcmp(mode, "udp") && argc == 8)
		return printf("%s\n", outcome(udp_once(argv[4], argv[5], atoi(argv[6]), atoi(argv[7])))) < 0;
	if (!strcmp(mode, "sctp") && argc == 8)
		return printf("%s\n", outcome(sctp_once(argv[4], argv[5], atoi(argv[6]), atoi(argv[7])))) < 0;
	if (!strcmp(mode, "ping") && argc == 7)
		return printf("%s\n", outcome(ping_once(argv[4], argv[5], atoi(argv[6])))) < 0;
	if (!strcmp(mode, "loop") && argc == 8) {
		while (fgets(line, sizeof(line), stdin))
			printf("%s\n", outcome(tcp_once(argv[4], argv[5], atoi(argv[6]), atoi(argv[7]))));
		return 0;
	}
	if (!strcmp(mode, "stream") && argc == 8) {
		int fd, error = connect_tcp(argv[4], argv[5], atoi(argv[6]), atoi(argv[7]), &fd);

		printf("%s\n", outcome(error));
		while (!error && fgets(line, sizeof(line), stdin))
			printf("%s\n", outcome(echo_once(fd, atoi(argv[7]))));
		return 0;
	}
	fprintf(stderr, "ztap-probe: unknown mode or arguments: %s\n", mode);
	return 2;
}
