/* Generates new TCP flows at a steady rate, for measuring what the ztap agent costs per flow.
 * Both ends first join a cgroup and a network namespace, so ztap's programs see them as
 * workloads. The client opens RATE connections a second, one in ten to DENIED_PORT (refused
 * by policy), and resets each one at once so no TIME_WAIT piles up.
 *
 *   ztap-flows CGROUP NETNS server ADDR PORT
 *   ztap-flows CGROUP NETNS client ADDR PORT DENIED_PORT RATE SECONDS
 *       prints "opened N allowed, M denied, E errors"
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
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void fail(const char *what)
{
	fprintf(stderr, "ztap-flows: %s: %s\n", what, strerror(errno));
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

static void serve(struct sockaddr_in *address)
{
	int one = 1, listener = socket(AF_INET, SOCK_STREAM, 0);

	if (listener < 0 || setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) < 0 ||
	    bind(listener, (struct sockaddr *)address, sizeof(*address)) < 0 || listen(listener, 4096) < 0)
		fail("listening");
	printf("ready\n");
	fflush(stdout);
	for (;;) {
		int connection = accept(listener, NULL, NULL);
		if (connection >= 0)
			close(connection);
	}
}

/* One connection, reset on close; returns 1 when it connected, 0 when policy refused it (EPERM). */
static int flow(struct sockaddr_in *address)
{
	struct linger reset = { .l_onoff = 1, .l_linger = 0 };
	int connected, s = socket(AF_INET, SOCK_STREAM, 0);

	if (s < 0)
		fail("socket");
	setsockopt(s, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset));
	connected = connect(s, (struct sockaddr *)address, sizeof(*address));
	if (connected < 0 && errno != EPERM)
		connected = -2;
	close(s);
	return connected == 0 ? 1 : connected == -2 ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct sockaddr_in allowed = { .sin_family = AF_INET }, denied;
	long allowed_count = 0, denied_count = 0, errors = 0, rate, total, i;
	struct timespec next;

	if (argc < 6) {
		fprintf(stderr, "usage: ztap-flows CGROUP NETNS server|client ADDR PORT [DENIED_PORT RATE SECONDS]\n");
		return 2;
	}
	join(argv[1], argv[2]);
	if (inet_pton(AF_INET, argv[4], &allowed.sin_addr) != 1)
		fail("address");
	allowed.sin_port = htons(atoi(argv[5]));
	if (!strcmp(argv[3], "server"))
		serve(&allowed);
	if (strcmp(argv[3], "client") || argc != 9) {
		fprintf(stderr, "ztap-flows: expected client ADDR PORT DENIED_PORT RATE SECONDS\n");
		return 2;
	}

	denied = allowed;
	denied.sin_port = htons(atoi(argv[6]));
	rate = atol(argv[7]);
	total = rate * atol(argv[8]);
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (i = 0; i < total; i++) {
		int outcome = flow(i % 10 == 9 ? &denied : &allowed);
		if (outcome > 0)
			allowed_count++;
		else if (outcome == 0)
			denied_count++;
		else
			errors++;

		next.tv_nsec += 1000000000L / rate;
		while (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL);
	}
	printf("opened %ld allowed, %ld denied, %ld errors\n", allowed_count, denied_count, errors);
	return 0;
}
