package com.simkiosk.carrier.route;

import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Asks several back ends the same thing at once, within a time bound, and says who answered what. */
final class FanOut {

    interface Question<T> {
        T ask(CarrierRoute route) throws CarrierException;
    }

    /** What came back in time: answers in order of arrival, failures, and how many never answered. */
    record Replies<T>(Map<CarrierRoute, T> answers, Map<CarrierRoute, CarrierError> failures, int unanswered) {
        boolean allAnswered() {
            return unanswered == 0;
        }
    }

    private final ExecutorService executor;
    private final Duration bound;

    FanOut(ExecutorService executor, Duration bound) {
        this.executor = executor;
        this.bound = bound;
    }

    /** Asks every route; with {@code firstAnswerWins} it stops at the first answer and cancels the rest. */
    <T> Replies<T> ask(List<CarrierRoute> routes, Question<T> question, boolean firstAnswerWins) throws CarrierException {
        ExecutorCompletionService<Map.Entry<CarrierRoute, T>> service = new ExecutorCompletionService<>(executor);
        List<Future<Map.Entry<CarrierRoute, T>>> pending = new ArrayList<>();
        Map<Future<Map.Entry<CarrierRoute, T>>, CarrierRoute> routeOf = new LinkedHashMap<>();
        for (CarrierRoute route : routes) {
            Future<Map.Entry<CarrierRoute, T>> f = service.submit(() -> Map.entry(route, question.ask(route)));
            pending.add(f);
            routeOf.put(f, route);
        }
        Map<CarrierRoute, T> answers = new LinkedHashMap<>();
        Map<CarrierRoute, CarrierError> failures = new LinkedHashMap<>();
        long deadline = System.nanoTime() + bound.toNanos();
        int received = 0;
        try {
            while (received < pending.size()) {
                Future<Map.Entry<CarrierRoute, T>> done = service.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (done == null) {
                    break;
                }
                received++;
                try {
                    Map.Entry<CarrierRoute, T> answer = done.get();
                    answers.put(answer.getKey(), answer.getValue());
                    if (firstAnswerWins) {
                        break;
                    }
                } catch (ExecutionException e) {
                    failures.put(routeOf.get(done),
                            e.getCause() instanceof CarrierException ce ? ce.error() : CarrierError.UNAVAILABLE);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierException(CarrierError.UNAVAILABLE, "carrier lookup cancelled");
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
        int unanswered = firstAnswerWins && !answers.isEmpty() ? 0 : pending.size() - received;
        return new Replies<>(answers, failures, unanswered);
    }
}
