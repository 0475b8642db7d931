/* A plain C JACK client in its own process: counts its process callbacks against JACK's frame
 * counter for a while and prints "cycles N lost M". The baseline for lost-cycle figures: what
 * the server and the machine lose on their own, with no .NET runtime involved.
 * Usage: cycle_counter SERVER CLIENT SECONDS. Declares the few libjack functions it needs
 * itself (the JACK headers are not installed). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct jack_client jack_client_t;
jack_client_t *jack_client_open(const char *name, int options, int *status, ...);
int jack_set_process_callback(jack_client_t *c, int (*cb)(uint32_t, void *), void *arg);
int jack_activate(jack_client_t *c);
int jack_deactivate(jack_client_t *c);
int jack_client_close(jack_client_t *c);
uint32_t jack_last_frame_time(const jack_client_t *c);

static jack_client_t *client;
static uint64_t cycles;
static uint32_t first_frame, last_frame, period;

static int process(uint32_t nframes, void *arg)
{
    (void)arg;
    uint32_t f = jack_last_frame_time(client);
    if (__atomic_load_n(&cycles, __ATOMIC_RELAXED) == 0)
        first_frame = f;
    last_frame = f;
    period = nframes;
    __atomic_fetch_add(&cycles, 1, __ATOMIC_RELEASE);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    int status = 0;
    client = jack_client_open(argv[2], 0x01 | 0x04, &status, argv[1]);
    if (!client) {
        fprintf(stderr, "cannot open client: 0x%x\n", status);
        return 1;
    }
    jack_set_process_callback(client, process, NULL);
    jack_activate(client);
    sleep((unsigned)atoi(argv[3]));
    jack_deactivate(client);
    uint64_t n = __atomic_load_n(&cycles, __ATOMIC_ACQUIRE);
    long long lost = n && period ? (long long)((uint32_t)(last_frame - first_frame) / period) + 1 - (long long)n : 0;
    printf("cycles %llu lost %lld\n", (unsigned long long)n, lost);
    jack_client_close(client);
    return 0;
}
