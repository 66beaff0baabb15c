package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Subscribes to every kiosk's topics ({@link Topics#EVERY_KIOSK}, QoS 1) and feeds a {@link FleetTable}: what
 * {@code ./kiosk fleet} runs on. Every attempt, the first and each after a lost connection, is bounded as a whole
 * (connection, CONNACK, SUBACK): Paho bounds the TCP and TLS set-up but would wait for the broker's answer for ever,
 * and its own automatic reconnect would then never try again (see {@link FleetLink}). So the watch reconnects by
 * itself, on its own thread, with a new client for each attempt and back-off from {@link #FIRST_RETRY} to
 * {@link #LONGEST_RETRY}, until closed.
 */
public final class FleetWatch implements AutoCloseable {
    private static final int ATTEMPTS = 3;
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final long SUBSCRIBED_WITHIN_MS = 10_000;

    private final TelemetryConfig.Mqtt broker;
    private final Map<String, String> env;
    private final FleetTable table;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fleet-watch-reconnect");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger subscribed = new AtomicInteger();
    private Optional<MqttAsyncClient> client = Optional.empty(); // guarded by this
    private Duration nextRetry = FIRST_RETRY; // guarded by this
    private boolean closed; // guarded by this

    private FleetWatch(TelemetryConfig.Mqtt broker, Map<String, String> env, FleetTable table) {
        this.broker = broker;
        this.env = env;
        this.table = table;
    }

    /**
     * Connects and subscribes; throws when the broker refuses or is away. An attempt the broker took but never
     * answered is tried again, up to {@value #ATTEMPTS} times in all, before it throws.
     */
    public static FleetWatch start(TelemetryConfig.Mqtt broker, Map<String, String> env, FleetTable table)
            throws MqttException, BrokerOptions.Unusable {
        FleetWatch watch = new FleetWatch(broker, env, table);
        for (int attempt = 1; ; attempt++) {
            try {
                watch.attempt();
                return watch;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttException.REASON_CODE_CLIENT_TIMEOUT || attempt == ATTEMPTS) {
                    watch.close();
                    throw e;
                }
            } catch (BrokerOptions.Unusable e) {
                watch.close();
                throw e;
            }
        }
    }

    /** How many times the watch has been connected and subscribed (the first time included). */
    int timesSubscribed() {
        return subscribed.get();
    }

    /** One attempt on a new client, bounded as a whole; the client is kept only once it is subscribed. */
    private void attempt() throws MqttException, BrokerOptions.Unusable {
        MqttConnectOptions options = BrokerOptions.build(broker, env);
        MqttAsyncClient c = new MqttAsyncClient(broker.broker().toString(),
                "simkiosk-fleet-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence());
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost(c);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                table.accept(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publishes nothing
            }
        });
        try {
            c.connect(options).waitForCompletion(options.getConnectionTimeout() * 1_000L + 1_000);
            c.subscribe(Topics.EVERY_KIOSK, 1).waitForCompletion(SUBSCRIBED_WITHIN_MS);
        } catch (MqttException e) {
            drop(c);
            throw e;
        }
        synchronized (this) {
            if (closed) {
                drop(c);
                return;
            }
            client = Optional.of(c);
            nextRetry = FIRST_RETRY;
        }
        subscribed.incrementAndGet();
    }

    private synchronized void lost(MqttAsyncClient from) {
        if (closed || !client.equals(Optional.of(from))) {
            return;
        }
        client = Optional.empty();
        retries.execute(() -> drop(from)); // not on Paho's own thread, which is still ending the connection
        retryLater();
    }

    private void reconnect() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            attempt();
        } catch (MqttException | BrokerOptions.Unusable e) {
            synchronized (this) {
                if (!closed) {
                    retryLater();
                }
            }
        }
    }

    private void retryLater() {
        retries.schedule(this::reconnect, nextRetry.toMillis(), TimeUnit.MILLISECONDS);
        nextRetry = nextRetry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextRetry.multipliedBy(2);
    }

    /**
     * Drops a client at once, connected or still waiting for an answer (the kiosk's link uses it too); leaves no
     * thread behind.
     */
    static void drop(MqttAsyncClient c) {
        try {
            c.disconnectForcibly(0, 0, false);
        } catch (MqttException notConnected) {
            // nothing to drop
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            // nothing left to do
        }
    }

    @Override
    public void close() {
        Optional<MqttAsyncClient> last;
        synchronized (this) {
            closed = true;
            last = client;
            client = Optional.empty();
        }
        retries.shutdownNow(); // an attempt waiting for its answer is interrupted and drops its client
        last.ifPresent(c -> {
            try {
                if (c.isConnected()) {
                    c.disconnect(500).waitForCompletion(2_000);
                }
            } catch (MqttException e) {
                // closing anyway
            } finally {
                try {
                    c.close(true);
                } catch (MqttException e) {
                    // nothing left to do
                }
            }
        });
    }
}
