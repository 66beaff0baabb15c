package com.simkiosk.kiosk.telemetry;

import com.simkiosk.kiosk.config.TelemetryConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's own listener on every kiosk topic, keeping each message as it came (topic and text). With a persistent
 * session ({@code cleanSession} false) the broker keeps QoS 1 messages for it while it is away (a broker restart).
 */
public final class Subscriber implements AutoCloseable {
    public record Message(String topic, String text, boolean retained) {}

    private final MqttClient client;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public Subscriber(TelemetryConfig.Mqtt broker, String clientId, boolean persistentSession) throws Exception {
        MqttConnectOptions options = BrokerOptions.build(broker, Map.of());
        options.setCleanSession(!persistentSession);
        options.setAutomaticReconnect(true);
        client = new MqttClient(broker.broker().toString(), clientId, new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // automatic reconnect
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
        client.connect(options);
        client.subscribe(Topics.EVERY_KIOSK, 1);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public void close() throws Exception {
        if (client.isConnected()) {
            client.disconnect(500);
        }
        client.close(true);
    }
}
