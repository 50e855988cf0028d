/* A TCP request/response benchmark (netperf's TCP_RR): one connection, one byte each way per
 * transaction, as many transactions as fit in the given time. Both ends first join a cgroup and
 * a network namespace, so ztap's programs see them as workloads.
 *
 *   ztap-rr CGROUP NETNS server ADDR PORT
 *   ztap-rr CGROUP NETNS client ADDR PORT SECONDS     prints "transactions per second"
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what)
{
	fprintf(stderr, "ztap-rr: %s: %s\n", what, strerror(errno));
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

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct sockaddr_in address = { .sin_family = AF_INET };
	int one = 1, fd;
	char byte = 'r';

	if (argc < 6) {
		fprintf(stderr, "usage: ztap-rr CGROUP NETNS server|client ADDR PORT [SECONDS]\n");
		return 2;
	}
	join(argv[1], argv[2]);
	if (inet_pton(AF_INET, argv[4], &address.sin_addr) != 1)
		fail("address");
	address.sin_port = htons(atoi(argv[5]));
	fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		fail("socket");
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));

	if (!strcmp(argv[3], "server")) {
		int client;

		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if (bind(fd, (struct sockaddr *)&address, sizeof(address)) < 0 || listen(fd, 16) < 0)
			fail("listen");
		printf("ready\n");
		fflush(stdout);
		while ((client = accept4(fd, NULL, NULL, SOCK_CLOEXEC)) >= 0) {
			setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			while (read(client, &byte, 1) == 1 && write(client, &byte, 1) == 1)
				;
			close(client);
		}
		fail("accept");
	}
	if (!strcmp(argv[3], "client") && argc == 7) {
		double seconds = atof(argv[6]), start, end;
		long transactions = 0;

		if (connect(fd, (struct sockaddr *)&address, sizeof(address)) < 0)
			fail("connect");
		start = now();
		end = start + seconds;
		do {
			for (int i = 0; i < 1000; i++) {
				if (write(fd, &byte, 1) != 1 || read(fd, &byte, 1) != 1)
					fail("transaction");
			}
			transactions += 1000;
		} while (now() < end);
		printf("%.0f\n", transactions / (now() - start));
		return 0;
	}
	fprintf(stderr, "ztap-rr: unknown mode %s\n", argv[3]);
	return 2;
}
