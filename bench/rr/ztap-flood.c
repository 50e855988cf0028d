/* Sends one-byte UDP datagrams from SOURCE to DEST:PORT as fast as one thread can for the given
 * time, inside a network namespace, and reports how many were sent and how many the kernel refused
 * (EPERM: dropped by an output hook), per second of wall time and per CPU second used.
 *
 *   ztap-flood NETNS SOURCE DEST PORT SECONDS
 *     prints "packets/s refused/s cpu_us_per_packet"
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what)
{
	fprintf(stderr, "ztap-flood: %s: %s\n", what, strerror(errno));
	exit(2);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct rusage usage;

	getrusage(RUSAGE_SELF, &usage);
	return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	struct sockaddr_in source = { .sin_family = AF_INET }, dest = { .sin_family = AF_INET };
	long sent = 0, refused = 0;
	double seconds, start, end, cpu_start;
	char byte = 'f';
	int fd;

	if (argc != 6) {
		fprintf(stderr, "usage: ztap-flood NETNS SOURCE DEST PORT SECONDS\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
		fail(argv[1]);
	close(fd);
	if (inet_pton(AF_INET, argv[2], &source.sin_addr) != 1 || inet_pton(AF_INET, argv[3], &dest.sin_addr) != 1)
		fail("address");
	dest.sin_port = htons(atoi(argv[4]));
	seconds = atof(argv[5]);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&source, sizeof(source)) < 0)
		fail("socket");
	start = now();
	cpu_start = cpu();
	do {
		for (int i = 0; i < 1000; i++, sent++)
			if (sendto(fd, &byte, 1, 0, (struct sockaddr *)&dest, sizeof(dest)) < 0) {
				if (errno != EPERM)
					fail("sendto");
				refused++;
			}
		end = now();
	} while (end - start < seconds);
	printf("%.0f %.0f %.3f\n", sent / (end - start), refused / (end - start), (cpu() - cpu_start) * 1e6 / sent);
	return 0;
}
