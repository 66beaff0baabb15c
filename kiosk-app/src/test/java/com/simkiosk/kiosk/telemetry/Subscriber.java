package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's own listener on every kiosk topic, keeping each message as it came (topic and text). With a persistent
 * session ({@code cleanSession} false) the broker keeps QoS 1 messages for it while it is away (a broker restart).
 * It reconnects by itself, each attempt bounded (a broker can take a connection and never answer it, see
 * {@link MuteBrokerTest}; Paho's own automatic reconnect would then wait for ever).
 */
public final class Subscriber implements AutoCloseable {
    public record Message(String topic, String text, boolean retained) {}

    private static final long ANSWER_WITHIN_MS = 15_000;

    private final TelemetryConfig.Mqtt broker;
    private final String clientId;
    private final boolean persistentSession;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "subscriber-reconnect");
        t.setDaemon(true);
        return t;
    });
    private volatile MqttClient client;
    private volatile boolean closed;

    public Subscriber(TelemetryConfig.Mqtt broker, String clientId, boolean persistentSession) throws Exception {
        this.broker = broker;
        this.clientId = clientId;
        this.persistentSession = persistentSession;
        client = connect();
    }

    private MqttClient connect() throws Exception {
        MqttConnectOptions options = BrokerOptions.build(broker, Map.of());
        options.setCleanSession(!persistentSession);
        MqttClient c = new MqttClient(broker.broker().toString(), clientId, new MemoryPersistence());
        c.setTimeToWait(ANSWER_WITHIN_MS);
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                reconnectLater(c);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                messages.add(new Message(topic, new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8),
                        message.isRetained()));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // publishes nothing
            }
        });
        try {
            c.connect(options);
            c.subscribe(Topics.EVERY_KIOSK, 1);
            return c;
        } catch (MqttException e) {
            drop(c);
            throw e;
        }
    }

    private void reconnectLater(MqttClient lost) {
        if (closed || lost != client) {
            return;
        }
        reconnects.schedule(() -> {
            if (closed) {
                return;
            }
            drop(lost);
            try {
                client = connect();
            } catch (Exception e) {
                reconnectLater(lost); // the broker is still away, or did not answer in time
            }
        }, 500, TimeUnit.MILLISECONDS);
    }

    private static void drop(MqttClient c) {
        try {
            c.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // not connected
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            // closed anyway
        }
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        closed = true;
        reconnects.shutdownNow();
        MqttClient c = client;
        try {
            if (c.isConnected()) {
                c.disconnect(500);
            }
        } catch (MqttException e) {
            // dropped below
        }
        drop(c);
    }
}
