"""The host meter of `./kiosk bench journey --host-stalls`: one per CPU, it sleeps PERIOD_US at a time, pinned to CPU,
at real-time priority (SCHED_FIFO) when allowed so that no thread of this machine can keep it from waking, and
notes every wake-up that came at least 0.5 ms late: time the CPU was not there for it (the hypervisor ran something
else, or interrupt work took it). Less is not counted: a halted virtual CPU takes 0.1-0.15 ms to wake on its own. Timestamps are CLOCK_MONOTONIC nanoseconds, the clock of Java's System.nanoTime on Linux, so that the
bench can lay them over its journeys.

Usage: python3 -c "$(cat host_stalls.py)" CPU PERIOD_US BUCKET_US STALL_US
Prints "ready fifo" (or "ready normal" when real-time priority is refused); at the end of its standard input prints
  "b START_NS LATE_NS"  for every BUCKET_US bucket the late time fell in (a late wake-up's lateness is spread over the
                        buckets just before it),
  "g START_NS END_NS"   for every wake-up at least STALL_US late (the whole gap, the sleep asked for included),
then "end".
"""
import os
import sys
import threading
import time


def main():
    cpu, period_us, bucket_us, stall_us = (int(a) for a in sys.argv[1:5])
    os.sched_setaffinity(0, {cpu})
    try:
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(50))
        policy = "fifo"
    except (PermissionError, OSError):
        policy = "normal"
    period, bucket, stall = period_us * 1000, bucket_us * 1000, stall_us * 1000
    late_in = {}
    gaps = []

    def until_end_of_input():
        for _line in sys.stdin:
            pass
        out = []
        for start, late in sorted(late_in.items()):
            out.append("b %d %d\n" % (start * bucket, late))
        for start, end in list(gaps):
            out.append("g %d %d\n" % (start, end))
        sys.stdout.write("".join(out) + "end\n")
        sys.stdout.flush()
        os._exit(0)

    threading.Thread(target=until_end_of_input, daemon=True).start()
    print("ready " + policy, flush=True)
    sleep = period / 1e9
    before = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
    while True:
        time.sleep(sleep)
        now = time.clock_gettime_ns(time.CLOCK_MONOTONIC)
        late = now - before - period
        if late >= 500_000:
            at = now - late
            while at < now:  # the late time, bucket by bucket
                b = at // bucket
                upto = min(now, (b + 1) * bucket)
                late_in[b] = late_in.get(b, 0) + upto - at
                at = upto
        if late >= stall:
            gaps.append((before, now))
        before = now


main()
