package com.simkiosk.kiosk.flow;

import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.card.network.NetworkError;
import com.simkiosk.card.network.NetworkException;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.kiosk.flow.Event.Back;
import com.simkiosk.kiosk.flow.Event.Cancel;
import com.simkiosk.kiosk.flow.Event.CodeSubmitted;
import com.simkiosk.kiosk.flow.Event.ConfirmTopUp;
import com.simkiosk.kiosk.flow.Event.DetailSubmitted;
import com.simkiosk.kiosk.flow.Event.Done;
import com.simkiosk.kiosk.flow.Event.KeypadBackspace;
import com.simkiosk.kiosk.flow.Event.KeypadDigit;
import com.simkiosk.kiosk.flow.Event.KeypadSubmit;
import com.simkiosk.kiosk.flow.Event.LanguageChosen;
import com.simkiosk.kiosk.flow.Event.MethodChosen;
import com.simkiosk.kiosk.flow.Event.OfferChosen;
import com.simkiosk.kiosk.flow.Event.PinSubmitted;
import com.simkiosk.kiosk.flow.Event.ReaderServiceBack;
import com.simkiosk.kiosk.flow.Event.ReaderServiceLost;
import com.simkiosk.kiosk.flow.Event.Print;
import com.simkiosk.kiosk.flow.Event.ResendCode;
import com.simkiosk.kiosk.flow.Event.Retry;
import com.simkiosk.kiosk.flow.Event.ShowTopUps;
import com.simkiosk.kiosk.flow.Event.SimInserted;
import com.simkiosk.kiosk.flow.Event.SimRemoved;
import com.simkiosk.kiosk.flow.Event.StartNumberEntry;
import com.simkiosk.kiosk.flow.Event.UserActivity;
import com.simkiosk.kiosk.flow.State.Attract;
import com.simkiosk.kiosk.flow.State.ChooseVerification;
import com.simkiosk.kiosk.flow.State.EnterCode;
import com.simkiosk.kiosk.flow.State.EnterDetail;
import com.simkiosk.kiosk.flow.State.EnterNumber;
import com.simkiosk.kiosk.flow.State.EnterPin;
import com.simkiosk.kiosk.flow.State.LookingUp;
import com.simkiosk.kiosk.flow.State.PinRefused;
import com.simkiosk.kiosk.flow.State.PrintStatus;
import com.simkiosk.kiosk.flow.State.ReaderUnavailable;
import com.simkiosk.kiosk.flow.State.Reading;
import com.simkiosk.kiosk.flow.State.ShowBalance;
import com.simkiosk.kiosk.flow.State.TakeSim;
import com.simkiosk.kiosk.flow.State.TopUpConfirm;
import com.simkiosk.kiosk.flow.State.TopUpOffers;
import com.simkiosk.kiosk.flow.State.TopUpSlip;
import com.simkiosk.kiosk.phone.PhoneNumberInput;
import com.simkiosk.printer.PrinterException;
import com.simkiosk.printer.Slip;
import com.simkiosk.printer.SlipPrinter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customer's journey as a plain-Java state machine: screens send {@link Event}s, the flow answers with a
 * {@link FlowView} ({@link State} + language + idle warning). Single-threaded: call {@link #fire} only on the
 * flow's thread (the FX thread in the app). Card and carrier calls run on their own executors ({@link FlowExecutors});
 * their answers come back through {@code post} and are dropped if the customer cancelled, removed the SIM or a new
 * session began since. Every wait has a deadline ({@link FlowConfig#cardReadWait()}, {@link FlowConfig#carrierWait()})
 * kept by the flow's scheduler: when it passes, the call is interrupted and the customer sees a classified error
 * with a way forward; Cancel interrupts the call too.
 */
public final class SessionFlow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionFlow.class);
    /** How soon a new code may be asked for when the back end's answer gave no time (unknown numbers). */
    private static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(60);
    /**
     * How long the "Checking your SIM" screen may stay up for the balance once the carrier has confirmed the SIM,
     * before the "Looking up" screen says the balance is on its way (issue 17). Short enough that the customer
     * never waits without a moving progress screen; long enough for a loopback or LAN answer (a few ms) and a
     * loaded machine's tail.
     */
    static final Duration LOOKING_UP_GRACE = Duration.ofMillis(150);

    private final SimReader simReader;
    private final CarrierBackend carrier;
    private final SlipPrinter printer;
    private final FlowExecutors io;
    private final Consumer<Runnable> post;
    private final Clock clock;
    private final FlowScheduler scheduler;
    private final FlowConfig config;
    private final FlowTexts texts;
    private final SimCheck simCheck;
    /** Balance, usage and offers asked at once (issue 17). */
    private final BalanceLoader balanceLoader;

    private final List<Consumer<FlowView>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<CardEvent> cardListener = this::onCardEvent;
    private final PhoneNumberInput phone = new PhoneNumberInput();

    private State state = new Attract();
    private Language language;
    /** Everything personal about the current customer; replaced wholesale on wipe. */
    private Session session = new Session();
    /** The reader that holds a card now, whether or not a session uses it (for "take your SIM"). */
    private Optional<String> cardIn = Optional.empty();
    /** The card or carrier call the screen waits for: its ticket, deadline and thread. */
    private final PendingCall pending;
    /** The quiet period and the countdown that end an abandoned session. */
    private final IdleWatch idle;
    /** False while the smart card service is gone: the attract screen says so and offers the number path. */
    private boolean readerUp = true;
    /**
     * The balance step's calls started by the SIM check's thread (issue 17), set there, even when its answer is then
     * dropped: its answer holds the customer's figures, so the session's end cancels it and lets go of it.
     */
    private final AtomicReference<BalanceLoader.Early> earlyBalance = new AtomicReference<>();
    /** The balance through the SIM's own network (issue 14), for SIMs the routes table sends there. */
    private final NetworkJourney network;
    /**
     * How long the SIM check's thread waits for the balance it started before handing the check to the flow's thread
     * (issue 17): a balance in by then is shown without the "Looking up" screen between.
     */
    private volatile Duration lookingUpGrace = LOOKING_UP_GRACE;

    public SessionFlow(SimReader simReader, CarrierBackend carrier, SlipPrinter printer, FlowExecutors io,
                       Consumer<Runnable> post, Clock clock, FlowScheduler scheduler, FlowConfig config,
                       FlowTexts texts) {
        this.simReader = simReader;
        this.carrier = carrier;
        this.printer = printer;
        this.io = io;
        this.post = post;
        this.clock = clock;
        this.scheduler = scheduler;
        this.config = config;
        this.texts = texts;
        this.language = config.defaultLanguage();
        this.pending = new PendingCall(scheduler, post);
        this.idle = new IdleWatch(scheduler);
        this.simCheck = new SimCheck(simReader, carrier, config.carrierWait().minus(FlowConfig.CARRIER_GRACE));
        this.balanceLoader = new BalanceLoader(carrier, BalanceLoader.optionalBound(config));
        this.network = new NetworkJourney(simReader, clock, new NetworkHost());
    }

    /** Another grace before "Looking up" (tests: a short one, or none). */
    void lookingUpGrace(Duration grace) {
        this.lookingUpGrace = grace;
    }

    /** Where each line's balance is asked (issue 14); without a table every line goes to the back ends. */
    public void useNetworkRoutes(NetworkRoutes routes) {
        network.use(routes);
    }

    /** Listens to the reader (insertions start sessions from any screen) and publishes the attract screen. */
    public void start() {
        simReader.addListener(cardListener);
        publish();
    }

    @Override
    public void close() {
        simReader.removeListener(cardListener);
        idle.stop();
        wipe();
        state = new Attract();
        simCheck.close();
        balanceLoader.close();
    }

    public void addListener(Consumer<FlowView> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FlowView> listener) {
        listeners.remove(listener);
    }

    public FlowView view() {
        return new FlowView(state, language, idle.secondsLeft(), servingBackend());
    }

    /** The back end of this customer's line, else of their SIM (by its issuer); none before either is known. */
    private Optional<String> servingBackend() {
        if (session.line != null) {
            return carrier.servedBy(session.line);
        }
        return session.card != null ? carrier.servedBy(session.card.iccid()) : Optional.empty();
    }

    public State state() {
        return state;
    }

    public Language language() {
        return language;
    }

    /** Handles one event. Events that make no sense on the current screen are ignored (a double tap, a late tap). */
    public void fire(Event event) {
        if (event instanceof SimInserted e) {
            onInserted(e.reader());
            return;
        }
        if (event instanceof SimRemoved e) {
            onRemoved(e.reader());
            return;
        }
        if (event instanceof ReaderServiceLost || event instanceof ReaderServiceBack) {
            onReaderService(event instanceof ReaderServiceBack);
            return;
        }
        if (event instanceof LanguageChosen e) {
            language = e.language();
        } else if (event instanceof Cancel) {
            cancel();
        } else if (!(event instanceof UserActivity)) {
            onScreenEvent(event);
        }
        restartIdleTimer(); // every UI event is a sign of life: it also clears the idle warning
        publish();
    }

    // ---------------------------------------------------------------- per screen

    private void onScreenEvent(Event event) {
        State s = state;
        if (network.onEvent(s, event)) {
            return;
        }
        if (s instanceof Attract || s instanceof ReaderUnavailable) {
            if (event instanceof StartNumberEntry) {
                startNumberEntry();
            }
        } else if (s instanceof EnterNumber) {
            onEnterNumber(event);
        } else if (s instanceof ChooseVerification) {
            if (event instanceof MethodChosen e && session.methods.contains(e.method())) {
                startMethod(e.method());
            } else if (event instanceof Back || event instanceof Done) {
                endSession();
            }
        } else if (s instanceof EnterCode) {
            onEnterCode(event);
        } else if (s instanceof EnterPin) {
            if (event instanceof PinSubmitted e) {
                checkPin(e.pin());
            } else if (event instanceof Back) {
                backToMethods();
            }
        } else if (s instanceof PinRefused refused) {
            if (event instanceof MethodChosen e && refused.otherMethods().contains(e.method())) {
                startMethod(e.method());
            } else if (event instanceof Back || event instanceof Done) {
                endSession();
            }
        } else if (s instanceof EnterDetail detail) {
            if (event instanceof DetailSubmitted e) {
                checkDetail(detail.method(), e.value());
            } else if (event instanceof Back) {
                backToMethods();
            }
        } else if (s instanceof ShowBalance) {
            if (event instanceof ShowTopUps) {
                loadOffers();
            } else if (event instanceof Done) {
                endSession();
            }
        } else if (s instanceof TopUpOffers) {
            onTopUpOffers(event);
        } else if (s instanceof TopUpConfirm) {
            if (event instanceof ConfirmTopUp) {
                placeOrder();
            } else if (event instanceof Back) {
                go(topUpOffers());
            }
        } else if (s instanceof TopUpSlip slip) {
            if (event instanceof Print && slip.print() == PrintStatus.PRINTER_UNAVAILABLE) {
                print();
            } else if (event instanceof Done) {
                endSession(slip.print() == PrintStatus.PRINTED);
            } else if (event instanceof Back) {
                go(new ShowBalance(session.balance));
            }
        } else if (s instanceof State.Error error) {
            if (event instanceof StartNumberEntry && error.kind().offersNumberEntry()) {
                log.info("Customer switched from error {} to entering a number", error.kind());
                startNumberEntry(); // the card stays where it is: taking it out changes nothing on the number path
            } else if (event instanceof Retry && error.canRetry() && session.retry != null) {
                session.retry.run();
            } else if (event instanceof Done || event instanceof Back) {
                endSession();
            }
        } else if (s instanceof State.TakeSlip && event instanceof Done) {
            endSession();
        }
        // Reading, LookingUp and TakeSim take no screen events besides Cancel (handled in fire).
    }

    /** A new session on the number path: whatever the card's session knew is wiped first. */
    private void startNumberEntry() {
        wipe();
        // One budget of codes per session, whatever numbers are typed: no fishing by Back and resubmit.
        session.codeSendsLeft = config.codeSends();
        go(enterNumber());
    }

    private void onEnterNumber(Event event) {
        if (event instanceof KeypadDigit e) {
            phone.type(e.digit());
            go(enterNumber());
        } else if (event instanceof KeypadBackspace) {
            phone.backspace();
            go(enterNumber());
        } else if (event instanceof KeypadSubmit) {
            Optional<Msisdn> number = phone.msisdn();
            if (number.isPresent() && PhoneNumberInput.dataOnly(number.get())) {
                // A data-only (020) number gets no SMS: no code is sent, the customer is told to use the SIM.
                fail(ErrorKind.DATA_ONLY_NUMBER);
            } else if (number.isPresent() && session.codeSendsLeft <= 0) {
                fail(ErrorKind.TOO_MANY_TRIES);
            } else if (number.isPresent()) {
                session.number = number.get();
                sendCode();
            }
        } else if (event instanceof Back || event instanceof Done) {
            endSession();
        }
    }

    private void onEnterCode(Event event) {
        if (event instanceof CodeSubmitted e) {
            if (e.code().matches("\\d{4,8}")) {
                checkCode(e.code());
            } else {
                go(enterCode(Optional.of(ErrorKind.WRONG_CODE)));
            }
        } else if (event instanceof ResendCode) {
            if (session.codeSendsLeft > 0 && !clock.instant().isBefore(session.challenge.resendAllowedAt())) {
                sendCode();
            }
        } else if (event instanceof Back) {
            session.challenge = null; // a number typed again gets a new code
            go(enterNumber());
        }
    }

    private void onTopUpOffers(Event event) {
        if (event instanceof OfferChosen e) {
            for (TopUpOffer offer : session.offers) {
                if (offer.id().equals(e.offerId())) {
                    session.offer = offer;
                    // One key per offer confirmed: a retry, or a cancel and confirm again, cannot order twice.
                    session.idempotencyKey = UUID.randomUUID().toString();
                    go(new TopUpConfirm(offer, topUpOffers().outlook()));
                    return;
                }
            }
        } else if (event instanceof Back || event instanceof Done) {
            go(new ShowBalance(session.balance));
        }
    }

    // ---------------------------------------------------------------- the SIM path

    private void onCardEvent(CardEvent event) {
        // Delivered on the reader's monitor thread: hop to the flow's thread first.
        if (event instanceof CardEvent.Inserted e) {
            post.accept(() -> fire(new SimInserted(e.reader())));
        } else if (event instanceof CardEvent.Removed e) {
            post.accept(() -> fire(new SimRemoved(e.reader())));
        } else if (event instanceof CardEvent.ServiceLost) {
            post.accept(() -> fire(new ReaderServiceLost()));
        } else if (event instanceof CardEvent.ReadersChanged) {
            post.accept(() -> fire(new ReaderServiceBack())); // the monitor publishes readers only while the service is up
        }
    }

    /** The attract screen follows the reader service; a session in progress ends by its own errors, if at all. */
    private void onReaderService(boolean up) {
        if (up == readerUp) {
            return;
        }
        readerUp = up;
        log.info(up ? "SIM reader service is back" : "SIM reader service lost: offering the phone number only");
        if (!state.inSession()) {
            go(resting());
            publish();
        }
    }

    /** The screen between customers: the attract screen, or its "reader unavailable" form while the service is gone. */
    private State resting() {
        return readerUp ? new Attract() : new ReaderUnavailable();
    }

    private void onInserted(String reader) {
        if (config.readerName().isPresent() && !config.readerName().get().equals(reader)) {
            return;
        }
        cardIn = Optional.of(reader);
        log.info("Session started: SIM inserted in reader '{}'", reader);
        wipe();
        session.cardReader = reader;
        readCard();
        restartIdleTimer(); // now that the session's first screen is up, its quiet time runs
        publish();
    }

    private void onRemoved(String reader) {
        if (cardIn.isPresent() && cardIn.get().equals(reader)) {
            cardIn = Optional.empty();
        }
        boolean simSession = reader.equals(session.cardReader);
        if (simSession || state instanceof TakeSim) {
            if (simSession) {
                log.info("Session ended: SIM removed from reader '{}'", reader);
            }
            wipe();
            go(resting());
            restartIdleTimer();
            publish();
        }
    }

    private void readCard() {
        String reader = session.cardReader;
        await(new Reading(), Optional.empty(), Wait.CARD, () -> simReader.read(reader), this::onCardRead,
                failure -> fail(failure instanceof CardTooSlow ? ErrorKind.CARD_TIMEOUT : ErrorKind.READER_PROBLEM));
    }

    private void onCardRead(ReadResult result) {
        if (result instanceof ReadResult.Failed failed) {
            log.info("SIM could not be read: {} ({})", failed.error(), failed.detail());
            fail(ErrorKinds.ofCard(failed.error()));
            return;
        }
        CardIdentity card = ((ReadResult.Sim) result).identity();
        session.card = card;
        session.pinTriesLeft = card.pin().triesLeft();
        log.info("SIM read: {} ({})", card.iccid(), card.type().label());
        if (network.takes(session.cardReader, card)) {
            return; // its balance is asked from its own network
        }
        if (!card.iccid().isJapanese()) {
            fail(ErrorKind.FOREIGN_SIM); // no carrier here serves it: do not even ask
            return;
        }
        if (simCheck.offered(card)) {
            startSimCheck(card);
            return;
        }
        lookUpSimLine(card);
    }

    private void lookUpSimLine(CardIdentity card) {
        await(new LookingUp(), Optional.empty(), Wait.CARRIER, () -> carrier.findLineByIccid(card.iccid()), this::onSimLine,
                this::carrierFailed);
    }

    // ---------------------------------------------------------------- the SIM proves itself (SimCheck, issue 16)

    /**
     * With PIN1 enabled the card answers AUTHENTICATE only once the PIN is verified, so the PIN comes first (as an
     * EAP-AKA supplicant unlocks the card before AKA); with one try left the kiosk never sends it and the check is
     * skipped for the other methods. Without a PIN the check runs at once.
     */
    private void startSimCheck(CardIdentity card) {
        if (!card.pin().enabled()) {
            checkSim(Optional.empty());
        } else if (card.pin().triesLeft() <= 1) {
            log.info("SIM check skipped: PIN1 enabled with {} tries left", card.pin().triesLeft());
            lookUpSimLine(card);
        } else {
            session.pinUnlocksSimCheck = true;
            go(new EnterPin(card.pin().triesLeft(), Optional.empty()));
        }
    }

    private void checkSim(Optional<String> pin) {
        CardIdentity card = session.card;
        await(new State.CheckingSim(), Optional.empty(), Wait.CARRIER, () -> checkThenAskBalance(card, pin), this::onSimChecked,
                failure -> {
                    log.info("SIM check gave no answer ({}); offering the other methods", ErrorKinds.describe(failure));
                    lookUpSimLine(card);
                });
    }

    /**
     * The SIM check, then, once the carrier has confirmed a line the kiosk will show, the balance step's calls started
     * at once on another carrier thread (issue 17): the balance does not wait for the flow's thread to take the
     * check's answer and hand the next step back. Carrier thread; the step itself still has its own deadline.
     */
    private SimChecked checkThenAskBalance(CardIdentity card, Optional<String> pin) throws CarrierException, InterruptedException {
        long started = System.nanoTime();
        SimCheck.Outcome outcome = simCheck.check(card, pin);
        // Interrupted: the session ended (or the step was given up) meanwhile, and this answer will be dropped.
        if (outcome instanceof SimCheck.Outcome.Confirmed ok && shown(ok.line().status())
                && !Thread.currentThread().isInterrupted()) {
            Instant asked = clock.instant();
            LocalDate from = BalanceViews.Rules.of(config).firstUsageDay(asked);
            Optional<BalanceLoader.Early> early = balanceLoader.start(ok.line(), asked, from, io.carrier());
            early.ifPresent(e -> Optional.ofNullable(earlyBalance.getAndSet(e)).ifPresent(BalanceLoader.Early::cancel));
            if (early.isPresent()) {
                awaitWithinGrace(early.get(), started);
            }
            return new SimChecked(outcome, early);
        }
        return new SimChecked(outcome, Optional.empty());
    }

    /**
     * The "Checking your SIM" screen stays up while the balance comes within {@link #lookingUpGrace} (issue 17):
     * when it does, the flow's thread takes the check and the balance in one hand-over and goes straight to the
     * balance screen, with no "Looking up" screen and no second hop. A slower balance is waited for under "Looking
     * up" as before. The grace never takes more than half of what is left of the check step's deadline. Interrupted
     * (Cancel, SIM out, idle: the session ended), it gives up at once; the session's end calls the balance off.
     */
    private void awaitWithinGrace(BalanceLoader.Early early, long checkStarted) throws InterruptedException {
        long left = config.carrierWait().toNanos() - (System.nanoTime() - checkStarted);
        long grace = Math.min(lookingUpGrace.toNanos(), left / 2);
        if (grace > 0) {
            early.awaitDone(grace);
        }
    }

    private void onSimChecked(SimChecked checked) {
        session.pinUnlocksSimCheck = false;
        SimCheck.Outcome outcome = checked.outcome();
        if (outcome instanceof SimCheck.Outcome.Confirmed ok) {
            log.info("SIM confirmed by its carrier{}", ok.resynchronised() ? " (after resynchronisation)" : "");
            session.line = ok.line();
            if (usable(ok.line())) {
                loadBalance(checked.balance());
            } else {
                checked.balance().ifPresent(BalanceLoader.Early::cancel);
            }
        } else if (outcome instanceof SimCheck.Outcome.NotConfirmed no) {
            log.info("SIM not confirmed by its carrier: {}", no.why());
            fail(ErrorKind.SIM_NOT_CONFIRMED);
        } else if (outcome instanceof SimCheck.Outcome.WrongPin wrong && wrong.triesLeft() > 1) {
            session.pinTriesLeft = wrong.triesLeft();
            session.pinUnlocksSimCheck = true;
            go(new EnterPin(wrong.triesLeft(), Optional.of(ErrorKind.WRONG_PIN)));
        } else {
            if (outcome instanceof SimCheck.Outcome.WrongPin wrong) {
                session.pinTriesLeft = wrong.triesLeft(); // one try left: never again from this kiosk
            }
            log.info("SIM check not possible ({}); offering the other methods", outcome);
            lookUpSimLine(session.card);
        }
    }

    private void onSimLine(Line line) {
        session.line = line;
        if (!usable(line)) {
            return;
        }
        List<VerificationMethod> methods = new ArrayList<>();
        for (VerificationMethod method : line.verificationMethods()) {
            boolean suits = switch (method) {
                case SMS_CODE -> false; // a SIM in the reader cannot receive the SMS
                case SIM_PIN -> session.card.pin().enabled() && simCheck.pinIsProof(session.card); // issue 16
                case ID_DOCUMENT, ORDER_NUMBER -> true;
            };
            if (suits) {
                methods.add(method);
            }
        }
        session.detailAttemptsLeft = config.detailAttempts();
        offerMethods(methods);
    }

    /** The methods still open: none ends in CANNOT_VERIFY, one starts at once, more are offered as a choice. */
    private void offerMethods(List<VerificationMethod> methods) {
        session.methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            fail(ErrorKind.CANNOT_VERIFY);
        } else if (methods.size() == 1) {
            startMethod(methods.get(0));
        } else {
            go(new ChooseVerification(methods));
        }
    }

    private void startMethod(VerificationMethod method) {
        if (method == VerificationMethod.SIM_PIN) {
            go(session.pinTriesLeft <= 1
                    ? new PinRefused(session.pinTriesLeft, otherMethods())
                    : new EnterPin(session.pinTriesLeft, Optional.empty()));
        } else {
            go(new EnterDetail(method, session.detailAttemptsLeft, Optional.empty()));
        }
    }

    private void backToMethods() {
        if (session.methods.size() > 1) {
            go(new ChooseVerification(session.methods));
        } else {
            endSession();
        }
    }

    private List<VerificationMethod> otherMethods() {
        List<VerificationMethod> others = new ArrayList<>(session.methods);
        others.remove(VerificationMethod.SIM_PIN);
        return others;
    }

    private void checkPin(String pin) {
        if (!pin.matches("\\d{4,8}")) {
            go(new EnterPin(session.pinTriesLeft, Optional.of(ErrorKind.WRONG_PIN)));
            return;
        }
        if (session.pinUnlocksSimCheck) {
            checkSim(Optional.of(pin)); // the PIN only unlocks the card; the carrier's check is the proof
            return;
        }
        String reader = session.cardReader;
        // Not cancellable back to the PIN screen: the card may already have counted the try.
        await(new LookingUp(), Optional.empty(), Wait.CARD, () -> simReader.verifyPin(reader, pin), this::onPinResult,
                failure -> pinCheckFailed(failure instanceof CardTooSlow ? ErrorKind.CARD_TIMEOUT : ErrorKind.READER_PROBLEM));
    }

    private void onPinResult(PinResult result) {
        if (result instanceof PinResult.Verified) {
            log.info("SIM PIN verified");
            loadBalance();
        } else if (result instanceof PinResult.Wrong wrong) {
            session.pinTriesLeft = wrong.triesLeft();
            log.info("Wrong SIM PIN, {} tries left", wrong.triesLeft());
            go(wrong.triesLeft() <= 1
                    ? new PinRefused(wrong.triesLeft(), otherMethods())
                    : new EnterPin(wrong.triesLeft(), Optional.of(ErrorKind.WRONG_PIN)));
        } else if (result instanceof PinResult.Refused refused) {
            session.pinTriesLeft = refused.triesLeft();
            go(new PinRefused(refused.triesLeft(), otherMethods()));
        } else if (result instanceof PinResult.NotEnabled) {
            // A SIM without a PIN proves nothing by PIN: offer what is left.
            offerMethods(otherMethods());
        } else if (result instanceof PinResult.Failed failed) {
            log.info("SIM PIN check failed: {} ({})", failed.error(), failed.detail());
            pinCheckFailed(ErrorKinds.ofCard(failed.error()));
        }
    }

    /** Retry goes back to the PIN screen: the kiosk never re-sends a PIN on its own. */
    private void pinCheckFailed(ErrorKind kind) {
        session.retry = () -> go(new EnterPin(session.pinTriesLeft, Optional.empty()));
        fail(kind);
    }

    private void checkDetail(VerificationMethod method, String value) {
        String entered = value.strip();
        if (entered.isEmpty()) {
            return;
        }
        Line line = session.line;
        EnterDetail screen = new EnterDetail(method, session.detailAttemptsLeft, Optional.empty());
        await(new LookingUp(), Optional.of(screen), Wait.CARRIER, () -> {
            carrier.verifyRegisteredDetail(line, method, entered);
            return line;
        }, verified -> loadBalance(), failure -> {
            if (failure instanceof CarrierException e && e.error() == CarrierError.DETAIL_MISMATCH) {
                session.detailAttemptsLeft--;
                if (session.detailAttemptsLeft <= 0) {
                    fail(ErrorKind.TOO_MANY_TRIES);
                } else {
                    go(new EnterDetail(method, session.detailAttemptsLeft, Optional.of(ErrorKind.WRONG_DETAIL)));
                }
            } else if (failure instanceof CarrierException e && e.error() == CarrierError.NOT_SUPPORTED) {
                // KYC Match cannot check this for the line (SERVICE_NOT_APPLICABLE, MISSING_IDENTIFIER): another way.
                log.info("Carrier cannot check {} for this line; offering the other methods", method);
                List<VerificationMethod> left = new ArrayList<>(session.methods);
                left.remove(method);
                offerMethods(left);
            } else {
                carrierFailed(failure);
            }
        });
    }

    // ---------------------------------------------------------------- the number path

    private EnterNumber enterNumber() {
        return new EnterNumber(phone.digits(), phone.formatted(), phone.valid());
    }

    private EnterCode enterCode(Optional<ErrorKind> notice) {
        return new EnterCode(session.number.masked(), session.codeAttemptsLeft, session.challenge.resendAllowedAt(),
                session.codeSendsLeft, notice);
    }

    private void sendCode() {
        Msisdn number = session.number;
        String message = texts.smsMessage(language);
        session.codeSendsLeft--;
        State back = session.challenge == null ? enterNumber() : enterCode(Optional.empty());
        await(new LookingUp(), Optional.of(back), Wait.CARRIER, () -> sendOrPretend(number, message), sent -> {
            session.challenge = sent.challenge();
            session.genuineChallenge = sent.genuine();
            session.codeAttemptsLeft = config.codeAttempts();
            if (sent.genuine()) {
                log.info("Verification code sent to {}", number);
            } else {
                log.info("Carrier does not know {}; code screen shown all the same", number);
            }
            go(enterCode(Optional.empty()));
        }, failure -> {
            if (failure instanceof CarrierException e && e.error() == CarrierError.OTP_MAX_CODES_EXCEEDED) {
                fail(ErrorKind.TOO_MANY_TRIES);
            } else if (failure instanceof CarrierException e && e.error() == CarrierError.NUMBER_CANNOT_GET_CODES) {
                fail(ErrorKind.NUMBER_CANNOT_GET_CODES);
            } else {
                carrierFailed(failure);
            }
        });
    }

    /**
     * The back end answers unknown numbers like known ones; should one say NOT_FOUND anyway, the kiosk still
     * shows the code screen, and no code will ever match: the customer learns nothing before verification.
     */
    private SentCode sendOrPretend(Msisdn number, String message) throws CarrierException {
        try {
            return new SentCode(carrier.sendCode(number, message), true);
        } catch (CarrierException e) {
            if (e.error() != CarrierError.NOT_FOUND) {
                throw e;
            }
            OtpChallenge none = new OtpChallenge(UUID.randomUUID().toString(),
                    clock.instant().plus(DEFAULT_RESEND_COOLDOWN));
            return new SentCode(none, false);
        }
    }

    private void checkCode(String code) {
        OtpChallenge challenge = session.challenge;
        boolean genuine = session.genuineChallenge;
        await(new LookingUp(), Optional.of(enterCode(Optional.empty())), Wait.CARRIER, () -> {
            if (!genuine) {
                throw new CarrierException(CarrierError.OTP_INVALID, "no code was sent");
            }
            carrier.validateCode(challenge, code);
            return challenge;
        }, validated -> {
            log.info("Verification code accepted for {}", session.number);
            findLineByNumber();
        }, failure -> {
            CarrierError error = ErrorKinds.carrierError(failure);
            if (error == CarrierError.OTP_INVALID) {
                session.codeAttemptsLeft--;
                if (session.codeAttemptsLeft <= 0) {
                    fail(ErrorKind.TOO_MANY_TRIES);
                } else {
                    go(enterCode(Optional.of(ErrorKind.WRONG_CODE)));
                }
            } else if (error == CarrierError.OTP_VERIFICATION_FAILED) {
                fail(ErrorKind.TOO_MANY_TRIES);
            } else if (error == CarrierError.OTP_EXPIRED) {
                session.challenge = new OtpChallenge(challenge.authenticationId(), clock.instant());
                go(enterCode(Optional.of(ErrorKind.CODE_EXPIRED)));
            } else {
                carrierFailed(failure);
            }
        });
    }

    /** Only now, with the number proven, may the flow learn (and say) anything about the line. */
    private void findLineByNumber() {
        Msisdn number = session.number;
        await(new LookingUp(), Optional.empty(), Wait.CARRIER, () -> carrier.findLineByNumber(number), line -> {
            session.line = line;
            if (usable(line)) {
                loadBalance();
            }
        }, this::carrierFailed);
    }

    // ---------------------------------------------------------------- balance and top-up

    /** Whether a line of this status gets its balance shown ({@link #usable} says why not on screen). */
    private static boolean shown(LineStatus status) {
        return status != LineStatus.SUSPENDED && status != LineStatus.TERMINATED;
    }

    private boolean usable(Line line) {
        if (line.status() == LineStatus.SUSPENDED) {
            fail(ErrorKind.LINE_SUSPENDED);
            return false;
        }
        if (line.status() == LineStatus.TERMINATED) {
            fail(ErrorKind.LINE_TERMINATED);
            return false;
        }
        return true;
    }

    private void loadBalance() {
        loadBalance(Optional.empty());
    }

    /**
     * The balance step. With {@code early} (its calls already started by the SIM check's thread) the step takes that
     * answer: at once when it is in, else it waits for it under the step's own deadline; a Retry asks the carrier
     * again.
     */
    private void loadBalance(Optional<BalanceLoader.Early> early) {
        Line line = session.line;
        Optional<BalanceLoader.Early> mine = early.filter(e -> e.line() == line);
        if (early.isPresent() && mine.isEmpty()) {
            early.get().cancel();
        }
        Instant asked = mine.map(BalanceLoader.Early::asked).orElseGet(clock::instant);
        BalanceViews.Rules rules = BalanceViews.Rules.of(config);
        LocalDate from = rules.firstUsageDay(asked);
        Consumer<BalanceLoader.Loaded> show = loaded -> {
            BalanceView view = BalanceViews.of(line, loaded.balance(), loaded.usage(), loaded.offers(), asked, rules);
            if (view.situation() == Situation.EXPIRED && !view.topUp().offered()) {
                fail(ErrorKind.LINE_EXPIRED); // nothing on sale would bring it back: the carrier's matter
                return;
            }
            session.balance = view;
            go(new ShowBalance(view));
        };
        if (mine.isEmpty()) {
            await(new LookingUp(), Optional.empty(), Wait.CARRIER, () -> balanceLoader.load(line, from), show,
                    this::carrierFailed);
            return;
        }
        BalanceLoader.Early started = mine.get();
        PendingCall.Call<BalanceLoader.Loaded> call = () -> started.take() ? started.get() : balanceLoader.load(line, from);
        if (started.isDone() && started.take()) {
            // Already in: no wait screen and no hop to a carrier thread and back. Retry (after a failure) asks again.
            session.retry = () -> await(new LookingUp(), Optional.empty(), Wait.CARRIER, call, show, this::carrierFailed);
            session.cancelTo = Optional.empty();
            BalanceLoader.Loaded loaded;
            try {
                loaded = started.get();
            } catch (Exception failure) {
                carrierFailed(failure);
                return;
            }
            show.accept(loaded);
            return;
        }
        await(new LookingUp(), Optional.empty(), Wait.CARRIER, call, show, this::carrierFailed);
    }

    private void loadOffers() {
        Line line = session.line;
        await(new LookingUp(), Optional.of(new ShowBalance(session.balance)), Wait.CARRIER, () -> carrier.topUpOffers(line),
                offers -> {
                    session.offers = List.copyOf(offers);
                    go(topUpOffers());
                }, this::carrierFailed);
    }

    private void placeOrder() {
        Line line = session.line;
        TopUpOffer offer = session.offer;
        String key = session.idempotencyKey;
        await(new LookingUp(), Optional.of(new TopUpConfirm(offer, topUpOffers().outlook())), Wait.CARRIER, () -> carrier.orderTopUp(line, offer, key),
                order -> {
                    session.order = order;
                    log.info("Top-up ordered: offer '{}', {} yen", offer.id(), order.amountYen());
                    print();
                }, this::carrierFailed);
    }

    private void print() {
        Slip slip = texts.paymentSlip(session.order, session.offer, language, config.storeId(), config.kioskId(),
                clock.instant());
        TopUpOrder order = session.order;
        TopUpOffer offer = session.offer;
        go(new TopUpSlip(order, offer, PrintStatus.PRINTING));
        long mine = pending.ticket();
        pending.execute("printer", io.printer(), () -> {
            PrintStatus outcome;
            try {
                printer.print(slip);
                outcome = PrintStatus.PRINTED;
            } catch (PrinterException e) {
                log.warn("Slip not printed: printer {}", e.status());
                outcome = PrintStatus.PRINTER_UNAVAILABLE;
            } catch (RuntimeException e) {
                log.warn("Slip not printed: {}", e.getClass().getSimpleName());
                outcome = PrintStatus.PRINTER_UNAVAILABLE;
            }
            PrintStatus printed = outcome;
            pending.postQuietly(() -> {
                if (mine == pending.ticket() && state instanceof TopUpSlip) {
                    go(new TopUpSlip(order, offer, printed));
                    publish();
                }
            });
        }, () -> go(new TopUpSlip(order, offer, PrintStatus.PRINTER_UNAVAILABLE))); // the order stands; only the slip waits
    }

    // ---------------------------------------------------------------- endings, errors, waiting

    private void cancel() {
        if (state instanceof Reading || state instanceof LookingUp) {
            pending.drop(); // whatever answers now is dropped, and the call itself is interrupted
            Optional<State> back = session.cancelTo;
            if (back.isPresent()) {
                go(back.get());
                return;
            }
        }
        if (state.inSession()) {
            endSession();
        }
    }

    /** Done, cancel, or a dead end: wipe, then ask for the SIM back if one is in the reader. */
    private void endSession() {
        endSession(false);
    }

    /**
     * {@code slipPrinted}: a payment slip just came out, so the SIM and the slip are asked for together, or the slip
     * alone on the number path.
     */
    private void endSession(boolean slipPrinted) {
        log.info("Session ended");
        wipe();
        go(cardIn.isPresent() ? new TakeSim(slipPrinted) : slipPrinted ? new State.TakeSlip() : resting());
    }

    /** The offers, with what the screen needs of the balance to mark the one that suits the customer's pace. */
    private TopUpOffers topUpOffers() {
        BalanceView b = session.balance;
        if (b == null) {
            return new TopUpOffers(session.offers);
        }
        OptionalLong pace = b.recentDailyBytes().map(OptionalLong::of).orElse(OptionalLong.empty());
        return new TopUpOffers(session.offers, Optional.of(new State.LineOutlook(
                b.maskedNumber().orElse(b.planName()), b.dataRemainingBytes(), pace, b.expires())));
    }

    private void fail(ErrorKind kind) {
        log.info("Customer shown error {}", kind);
        go(new State.Error(kind, kind.retryable() && session.retry != null));
    }

    private void carrierFailed(Exception failure) {
        CarrierError error = ErrorKinds.carrierError(failure);
        log.info("Carrier answered {} ({})", error, ErrorKinds.describe(failure));
        fail(ErrorKinds.ofCarrier(error));
    }

    /**
     * Shows {@code waiting}, runs {@code call} on the executor of its kind and hands its answer to {@code onValue}
     * or {@code onFailure} on the flow's thread, unless the ticket moved on meanwhile. When the kind's deadline
     * passes first, the call is interrupted and {@code onFailure} gets a timeout ({@link CardTooSlow}, or a
     * carrier {@code TIMEOUT}). The same step is what Retry repeats (so a retried order reuses its idempotency
     * key); Cancel returns to {@code cancelTo}, or ends the session.
     */
    private <T> void await(State waiting, Optional<State> cancelTo, Wait kind, PendingCall.Call<T> call,
                           Consumer<T> onValue, Consumer<Exception> onFailure) {
        session.retry = () -> await(waiting, cancelTo, kind, call, onValue, onFailure);
        session.cancelTo = cancelTo;
        go(waiting);
        boolean card = kind == Wait.CARD;
        Duration patience = card ? config.cardReadWait() : config.carrierWait();
        pending.start(card ? "card" : "carrier", card ? io.card() : io.carrier(), patience,
                () -> card ? new CardTooSlow()
                        : new CarrierException(CarrierError.TIMEOUT, "no answer within " + patience.toMillis() + " ms"),
                call, onValue, onFailure,
                () -> {
                    restartIdleTimer(); // a new screen: the customer gets their quiet time to read it
                    publish();
                },
                () -> fail(card ? ErrorKind.READER_PROBLEM : ErrorKind.BACKEND_DOWN));
    }

    private void go(State next) {
        state = next;
    }

    /** Nothing personal survives this: the session, the typed number, and any answer still on its way. */
    private void wipe() {
        Optional.ofNullable(earlyBalance.getAndSet(null)).ifPresent(BalanceLoader.Early::cancel);
        session = new Session();
        network.wipe();
        phone.clear();
        pending.drop();
    }

    private void publish() {
        FlowView view = view();
        for (Consumer<FlowView> listener : listeners) {
            listener.accept(view);
        }
    }

    // ---------------------------------------------------------------- idle

    private void restartIdleTimer() {
        if (state.inSession() || language != config.defaultLanguage()) {
            idle.restart(config.idleWarningAfter(), this::quietTimeOver);
        } else {
            idle.stop();
        }
    }

    private void quietTimeOver() {
        if (state instanceof TakeSim) {
            idle.stop(); // already wiped; the screen stays until the SIM is taken, in its owner's language
            return;
        }
        if (state instanceof State.AskingNetwork) {
            restartIdleTimer(); // the network question has its own bounds; the quiet time starts on its answer
            return;
        }
        if (state instanceof State.TakeSlip) {
            idleSessionOver(); // already wiped: nothing to warn about, the slip has had its time to be taken
            return;
        }
        if (!state.inSession()) {
            language = config.defaultLanguage(); // the attract screen returns to Japanese; nothing personal to wipe
            idle.stop();
            publish();
            return;
        }
        idle.countDown((int) Math.max(1, config.idleCountdown().toSeconds()), this::publish, this::idleSessionOver);
    }

    private void idleSessionOver() {
        log.info("Session ended: idle");
        wipe();
        if (cardIn.isPresent()) {
            // The SIM is still in the reader: ask for it back, in the language its owner was reading.
            go(new TakeSim());
        } else {
            language = config.defaultLanguage();
            go(resting());
        }
        publish();
    }

    /** What the network journey may do to the flow: show its screens, wait for the module, end the session. */
    private final class NetworkHost implements NetworkJourney.Host {
        @Override
        public void show(State next) {
            go(next);
        }

        @Override
        public <T> void await(State waiting, Duration patience, PendingCall.Call<T> call, Consumer<T> onValue,
                              Consumer<Exception> onFailure) {
            session.retry = null;
            session.cancelTo = Optional.empty();
            go(waiting);
            pending.start("network", io.card(), patience,
                    () -> new NetworkException(NetworkError.REPLY_TIMEOUT, "no answer within " + patience.toMillis() + " ms"),
                    call, onValue, onFailure, () -> {
                        restartIdleTimer();
                        publish();
                    }, () -> fail(ErrorKind.READER_PROBLEM));
        }

        @Override
        public void end() {
            endSession();
        }
    }

    // ---------------------------------------------------------------- small types

    private record SentCode(OtpChallenge challenge, boolean genuine) {}

    /** The SIM check's outcome, and the balance step's calls when they were started with it. */
    private record SimChecked(SimCheck.Outcome outcome, Optional<BalanceLoader.Early> balance) {}

    /** Which deadline a wait has, and which executor its call runs on. */
    private enum Wait { CARD, CARRIER }

    /** The card did not answer within {@link FlowConfig#cardReadWait()}. */
    private static final class CardTooSlow extends Exception {
        CardTooSlow() {
            super("card did not answer in time", null, false, false);
        }
    }

    /** The current customer's data. Mutable on purpose: it lives on one thread and is dropped whole on wipe. */
    private static final class Session {
        String cardReader; // null on the number path
        CardIdentity card;
        int pinTriesLeft;
        /** The PIN screen unlocks the card for the carrier's SIM check (not a proof by itself). */
        boolean pinUnlocksSimCheck;
        List<VerificationMethod> methods = List.of();
        int detailAttemptsLeft;
        Msisdn number;
        OtpChallenge challenge;
        boolean genuineChallenge;
        int codeAttemptsLeft;
        int codeSendsLeft;
        Line line;
        BalanceView balance;
        List<TopUpOffer> offers = List.of();
        TopUpOffer offer;
        String idempotencyKey;
        TopUpOrder order;
        Runnable retry;
        Optional<State> cancelTo = Optional.empty();
    }
}
