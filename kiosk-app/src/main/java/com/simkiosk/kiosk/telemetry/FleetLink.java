package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk's connection to the chain's broker. On connect it publishes its retained {@code state} (online, version,
 * start time) after registering the same topic's Last Will (offline), then {@code health} every period and every
 * queued event at QoS 1. The kiosk never waits for it: when the broker is unreachable, events wait in the bounded
 * {@link EventQueue} and the link retries with back-off; a broker that refuses the credentials is retried only
 * every {@link #REFUSED_RETRY}, with one clear error in the log and in {@link #status()}. Each attempt has a bound
 * for all of it ({@link #ANSWER_WITHIN}: TCP, TLS and the broker's CONNACK): Paho bounds the first two but waits for
 * the CONNACK forever, and a broker that takes the connection and never answers would otherwise stop the link for
 * good. Such an attempt is abandoned with its client and retried like any other.
 * All its work runs on the executor it is given, which it does not own; many links may share one pool.
 */
public final class FleetLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FleetLink.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(60);
    static final Duration REFUSED_RETRY = Duration.ofMinutes(5);
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(BrokerOptions.CONNECT_TIMEOUT_SECONDS);
    private static final int MAX_IN_FLIGHT = 100;

    public enum State { CONNECTING, ONLINE, RETRYING, CREDENTIALS_REFUSED, MISCONFIGURED, CLOSED }

    /** The link's state for /healthz and maintenance; {@code problem} is a sentence for an operator. */
    public record Status(State state, Optional<String> problem, long connectAttempts, long eventsQueued,
                         long eventsDropped) {}

    private final TelemetryConfig.Mqtt config;
    private final Topics topics;
    private final String version;
    private final Instant startedAt;
    private final Map<String, String> env;
    private final EventQueue queue;
    private final ScheduledExecutorService exec;
    private final Clock clock;
    private final Supplier<Payloads.Health> health;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final Set<Payloads.Event> inFlight = new HashSet<>();

    private volatile State state = State.CONNECTING;
    private volatile Optional<String> problem = Optional.empty();
    private Optional<MqttAsyncClient> client = Optional.empty();
    private Duration nextRetry = FIRST_RETRY;
    private Optional<ScheduledFuture<?>> healthTimer = Optional.empty();
    private Optional<ScheduledFuture<?>> retryTimer = Optional.empty();
    private Optional<ScheduledFuture<?>> answerTimer = Optional.empty();
    /** The attempt still waiting for the broker's answer, 0 when none: a late answer to an older one is ignored. */
    private long pending;

    public FleetLink(TelemetryConfig.Mqtt config, Topics topics, String version, Instant startedAt,
                     Map<String, String> env, EventQueue queue, ScheduledExecutorService exec, Clock clock,
                     Supplier<Payloads.Health> health) {
        this.config = config;
        this.topics = topics;
        this.version = version;
        this.startedAt = startedAt;
        this.env = env;
        this.queue = queue;
        this.exec = exec;
        this.clock = clock;
        this.health = health;
    }

    public void start() {
        exec.execute(this::connect);
    }

    /** Queues an event (numbered from 1 per start) and sends it when the broker is reachable. Any thread. */
    public void event(EventKind kind, String detail) {
        queue.add(new Payloads.Event(seq.incrementAndGet(), clock.instant().toString(), kind.name(), detail));
        exec.execute(this::drain);
    }

    public Status status() {
        return new Status(state, problem, attempts.get(), queue.size(), queue.dropped());
    }

    public Topics topics() {
        return topics;
    }

    // ---------------------------------------------------------------- connection (executor thread)

    private synchronized void connect() {
        if (state == State.CLOSED) {
            return;
        }
        long attempt = attempts.incrementAndGet();
        MqttConnectOptions options;
        try {
            options = BrokerOptions.build(config, env);
        } catch (BrokerOptions.Unusable e) {
            fail(State.MISCONFIGURED, "telemetry cannot connect: " + e.getMessage(), REFUSED_RETRY);
            return;
        }
        options.setWill(topics.topic(Topics.Kind.STATE), Payloads.bytes(new Payloads.KioskState(
                Payloads.KioskState.OFFLINE, version, startedAt.toString(), null, "vanished")), 1, true);
        try {
            MqttAsyncClient c = client.isPresent() ? client.get() : newClient();
            client = Optional.of(c);
            pending = attempt;
            c.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    exec.execute(() -> online(attempt));
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    exec.execute(() -> refused(attempt, e));
                }
            });
            answerTimer = Optional.of(exec.schedule(() -> unanswered(attempt), ANSWER_WITHIN.toMillis(),
                    TimeUnit.MILLISECONDS));
        } catch (MqttException e) {
            refused(attempt, e);
        }
    }

    /** True once for the attempt still waiting for its answer: that answer settles it, any later one is stale. */
    private boolean settles(long attempt) {
        if (state == State.CLOSED || attempt != pending) {
            return false;
        }
        pending = 0;
        answerTimer.ifPresent(t -> t.cancel(false));
        answerTimer = Optional.empty();
        return true;
    }

    private MqttAsyncClient newClient() throws MqttException {
        MqttAsyncClient c = new MqttAsyncClient(config.broker().toString(),
                "simkiosk-" + topics.storeId() + "-" + topics.kioskId(), new MemoryPersistence(),
                new ScheduledExecutorPingSender(exec), null);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                exec.execute(() -> lost(c, cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                // the kiosk subscribes to nothing
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // each publish has its own listener
            }
        });
        return c;
    }

    private synchronized void online(long attempt) {
        if (!settles(attempt)) {
            return;
        }
        state = State.ONLINE;
        problem = Optional.empty();
        nextRetry = FIRST_RETRY;
        log.info("telemetry: connected to {} as {}/{}", config.broker(), topics.storeId(), topics.kioskId());
        publish(Topics.Kind.STATE, Payloads.bytes(new Payloads.KioskState(Payloads.KioskState.ONLINE, version,
                startedAt.toString(), clock.instant().toString(), null)), 1, true, () -> {});
        sendHealth();
        long every = config.healthEvery().toMillis();
        healthTimer = Optional.of(exec.scheduleAtFixedRate(this::sendHealth, every, every, TimeUnit.MILLISECONDS));
        drain();
    }

    private synchronized void refused(long attempt, Throwable e) {
        if (!settles(attempt)) {
            return;
        }
        int code = e instanceof MqttException m ? m.getReasonCode() : -1;
        if (code == MqttException.REASON_CODE_FAILED_AUTHENTICATION || code == MqttException.REASON_CODE_NOT_AUTHORIZED) {
            fail(State.CREDENTIALS_REFUSED, "the broker " + config.broker() + " refused the kiosk's credentials"
                    + config.username().map(u -> " (user '" + u + "')").orElse("")
                    + ": check telemetry.mqtt's username, password and client certificate", REFUSED_RETRY);
            return;
        }
        fail(State.RETRYING, "the broker " + config.broker() + " cannot be reached (" + describe(e) + ")", nextRetry);
        backOff();
    }

    /** The attempt's bound passed without an answer: its client is dropped, and the next attempt starts afresh. */
    private synchronized void unanswered(long attempt) {
        if (!settles(attempt)) {
            return;
        }
        client.ifPresent(FleetWatch::drop);
        client = Optional.empty();
        fail(State.RETRYING, "the broker " + config.broker() + " took the connection but did not answer within "
                + ANSWER_WITHIN.toSeconds() + " s", nextRetry);
        backOff();
    }

    private void backOff() {
        nextRetry = nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
    }

    private synchronized void lost(MqttAsyncClient from, Throwable cause) {
        if (state == State.CLOSED || !client.equals(Optional.of(from))) {
            return;
        }
        stopHealth();
        synchronized (inFlight) {
            inFlight.clear(); // not acknowledged: sent again from the queue after the reconnect
        }
        fail(State.RETRYING, "lost the broker " + config.broker() + " (" + describe(cause) + ")", FIRST_RETRY);
    }

    /** Records the problem (logged once per kind of problem) and schedules the next attempt. */
    private void fail(State newState, String message, Duration retryIn) {
        boolean changed = state != newState || !problem.equals(Optional.of(message));
        state = newState;
        problem = Optional.of(message);
        if (changed) {
            if (newState == State.RETRYING) {
                log.warn("telemetry: {}; events wait in the queue, next try in {} s", message, retryIn.toSeconds());
            } else {
                log.error("telemetry: {}; next try in {} s", message, retryIn.toSeconds());
            }
        }
        retryTimer = Optional.of(exec.schedule(this::connect, retryIn.toMillis(), TimeUnit.MILLISECONDS));
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + root.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- publishing (executor thread)

    private synchronized void sendHealth() {
        if (state == State.ONLINE) {
            publish(Topics.Kind.HEALTH, Payloads.bytes(health.get()), 0, false, () -> {});
        }
    }

    /** Sends queued events in order, at most {@value #MAX_IN_FLIGHT} unacknowledged at once. */
    private synchronized void drain() {
        if (state != State.ONLINE) {
            return;
        }
        for (Payloads.Event event : queue.snapshot()) {
            synchronized (inFlight) {
                if (inFlight.size() >= MAX_IN_FLIGHT) {
                    return;
                }
                if (!inFlight.add(event)) {
                    continue;
                }
            }
            boolean sent = publish(Topics.Kind.EVENTS, Payloads.bytes(event), 1, false, () -> {
                queue.delivered(event);
                synchronized (inFlight) {
                    inFlight.remove(event);
                }
                exec.execute(this::drain);
            });
            if (!sent) {
                synchronized (inFlight) {
                    inFlight.remove(event);
                }
                return;
            }
        }
    }

    private boolean publish(Topics.Kind kind, byte[] payload, int qos, boolean retained, Runnable acknowledged) {
        try {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(qos);
            message.setRetained(retained);
            client.orElseThrow().publish(topics.topic(kind), message, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    acknowledged.run();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    log.debug("telemetry: a {} message was not delivered: {}", kind, e.toString());
                }
            });
            return true;
        } catch (MqttException | RuntimeException e) {
            log.debug("telemetry: a {} message could not be sent now: {}", kind, e.toString());
            return false;
        }
    }

    private void stopHealth() {
        healthTimer.ifPresent(t -> t.cancel(false));
        healthTimer = Optional.empty();
    }

    // ---------------------------------------------------------------- stop

    /**
     * Says goodbye (retained {@code offline}, reason {@code stopped}) if connected and closes the connection, within
     * a few seconds. Call from any thread but the executor's; the executor must still run.
     */
    @Override
    public void close() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        exec.execute(() -> {
            stop();
            done.complete(null);
        });
        try {
            done.get(10, TimeUnit.SECONDS);
            log.debug("telemetry: broker link closed");
        } catch (Exception e) {
            log.warn("telemetry: the broker connection did not close in time: {}", e.toString());
        }
    }

    private synchronized void stop() {
        boolean wasOnline = state == State.ONLINE;
        state = State.CLOSED;
        stopHealth();
        retryTimer.ifPresent(t -> t.cancel(false));
        answerTimer.ifPresent(t -> t.cancel(false));
        client.ifPresent(c -> {
            try {
                if (wasOnline) {
                    MqttMessage bye = new MqttMessage(Payloads.bytes(new Payloads.KioskState(Payloads.KioskState.OFFLINE,
                            version, startedAt.toString(), clock.instant().toString(), "stopped")));
                    bye.setQos(1);
                    bye.setRetained(true);
                    c.publish(topics.topic(Topics.Kind.STATE), bye).waitForCompletion(2_000);
                    c.disconnect(1_000).waitForCompletion(2_000);
                }
            } catch (MqttException e) {
                log.debug("telemetry: goodbye not sent: {}", e.toString());
            } finally {
                try {
                    c.close(true);
                } catch (MqttException e) {
                    log.debug("telemetry: close: {}", e.toString());
                }
            }
        });
    }
}
