package com.simkiosk.kiosk.flow;

import com.simkiosk.card.CardError;
import com.simkiosk.card.CardEvent;
import com.simkiosk.card.CardIdentity;
import com.simkiosk.card.PinResult;
import com.simkiosk.card.ReadResult;
import com.simkiosk.card.SimReader;
import com.simkiosk.carrier.Balance;
import com.simkiosk.carrier.Bucket;
import com.simkiosk.carrier.CarrierBackend;
import com.simkiosk.carrier.CarrierError;
import com.simkiosk.carrier.CarrierException;
import com.simkiosk.carrier.DailyUsage;
import com.simkiosk.carrier.Line;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.OtpChallenge;
import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.carrier.UsageType;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
    /** Days before today that set "the recent pace" for the data projection. */
    private static final int PACE_DAYS = 7;

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

    private final List<Consumer<FlowView>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<CardEvent> cardListener = this::onCardEvent;
    private final PhoneNumberInput phone = new PhoneNumberInput();

    private State state = new Attract();
    private Language language;
    /** Everything personal about the current customer; replaced wholesale on wipe. */
    private Session session = new Session();
    /** The reader that holds a card now, whether or not a session uses it (for "take your SIM"). */
    private Optional<String> cardIn = Optional.empty();
    /** Bumped whenever a pending I/O answer must be ignored (cancel, removal, new session, wipe). */
    private long ticket;
    /** Bumped whenever the idle timer restarts, so a timer that fired just as it was cancelled does nothing. */
    private long idleRound;
    private Optional<FlowScheduler.Timer> idleTimer = Optional.empty();
    private OptionalInt idleSecondsLeft = OptionalInt.empty();
    /** The card or carrier call the screen waits for, and the timer that ends the wait. */
    private Optional<InFlight> inFlight = Optional.empty();
    private Optional<FlowScheduler.Timer> waitDeadline = Optional.empty();
    /** False while the smart card service is gone: the attract screen says so and offers the number path. */
    private boolean readerUp = true;

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
        this.simCheck = new SimCheck(simReader, carrier, config.carrierWait().minus(FlowConfig.CARRIER_GRACE));
    }

    /** Listens to the reader (insertions start sessions from any screen) and publishes the attract screen. */
    public void start() {
        simReader.addListener(cardListener);
        publish();
    }

    @Override
    public void close() {
        simReader.removeListener(cardListener);
        stopIdleTimer();
        wipe();
        state = new Attract();
        simCheck.close();
    }

    public void addListener(Consumer<FlowView> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FlowView> listener) {
        listeners.remove(listener);
    }

    public FlowView view() {
        return new FlowView(state, language, idleSecondsLeft);
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
                go(new TopUpOffers(session.offers));
            }
        } else if (s instanceof TopUpSlip slip) {
            if (event instanceof Print && slip.print() == PrintStatus.PRINTER_UNAVAILABLE) {
                print();
            } else if (event instanceof Done) {
                endSession();
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
            if (number.isPresent() && session.codeSendsLeft <= 0) {
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
                    go(new TopUpConfirm(offer));
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
            fail(cardErrorKind(failed.error()));
            return;
        }
        CardIdentity card = ((ReadResult.Sim) result).identity();
        session.card = card;
        session.pinTriesLeft = card.pin().triesLeft();
        log.info("SIM read: {} ({})", card.iccid(), card.type().label());
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
        await(new State.CheckingSim(), Optional.empty(), Wait.CARRIER, () -> simCheck.check(card, pin), this::onSimChecked,
                failure -> {
                    log.info("SIM check gave no answer ({}); offering the other methods", describe(failure));
                    lookUpSimLine(card);
                });
    }

    private void onSimChecked(SimCheck.Outcome outcome) {
        session.pinUnlocksSimCheck = false;
        if (outcome instanceof SimCheck.Outcome.Confirmed ok) {
            log.info("SIM confirmed by its carrier{}", ok.resynchronised() ? " (after resynchronisation)" : "");
            session.line = ok.line();
            if (usable(ok.line())) {
                loadBalance();
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
            pinCheckFailed(cardErrorKind(failed.error()));
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
            CarrierError error = failure instanceof CarrierException e ? e.error() : CarrierError.BAD_RESPONSE;
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
        Line line = session.line;
        LocalDate today = LocalDate.ofInstant(clock.instant(), BalanceView.JST);
        LocalDate from = today.minusDays(config.usageDays() - 1L);
        await(new LookingUp(), Optional.empty(), Wait.CARRIER, () -> new Loaded(carrier.balance(line), usageOrNone(line, from)),
                loaded -> {
                    Instant now = clock.instant();
                    if (loaded.balance().expires().isPresent() && !loaded.balance().expires().get().isAfter(now)) {
                        fail(ErrorKind.LINE_EXPIRED);
                        return;
                    }
                    session.balance = balanceView(line, loaded.balance(), loaded.usage(), today, from);
                    go(new ShowBalance(session.balance));
                }, this::carrierFailed);
    }

    /** The usage chart is a nice-to-have: without it the customer still gets the balance. */
    private List<DailyUsage> usageOrNone(Line line, LocalDate from) {
        try {
            return carrier.dailyUsage(line, from);
        } catch (CarrierException | RuntimeException e) {
            log.info("Usage history unavailable ({}); showing the balance without it", describe(e));
            return List.of();
        }
    }

    private BalanceView balanceView(Line line, Balance balance, List<DailyUsage> usage, LocalDate today,
                                    LocalDate from) {
        long dataInitial = 0;
        for (Bucket bucket : balance.buckets()) {
            if (bucket.active() && bucket.type() == UsageType.DATA) {
                dataInitial += Math.max(bucket.initial().orElse(bucket.remaining()), bucket.remaining());
            }
        }
        dataInitial = Math.max(dataInitial, balance.dataBytes());

        Map<LocalDate, Long> byDay = new HashMap<>();
        for (DailyUsage day : usage) {
            byDay.merge(day.dayJst(), day.dataBytes(), Long::sum);
        }
        List<DailyUsage> chart = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            chart.add(new DailyUsage(day, byDay.getOrDefault(day, 0L)));
        }

        Optional<Long> daysLeft = balance.expires()
                .map(expires -> ChronoUnit.DAYS.between(today, LocalDate.ofInstant(expires, BalanceView.JST)));
        boolean warning = daysLeft.map(days -> days <= config.expiryWarningDays()).orElse(false);

        return new BalanceView(line.planName(), line.msisdn().map(Msisdn::masked),
                ifTheLineHas(balance, UsageType.MONETARY, balance.yen()), balance.dataBytes(), dataInitial,
                ifTheLineHas(balance, UsageType.VOICE, balance.voiceSeconds()),
                ifTheLineHas(balance, UsageType.SMS, balance.sms()), balance.expires(), daysLeft, warning, chart,
                dataRunsOut(balance.dataBytes(), byDay, today));
    }

    /**
     * A kind of balance the line has (a bucket of that type, even used up or expired, or an amount left) versus
     * one it never had: "¥0" on a data-only SIM would be noise, "¥0" on a voice SIM out of credit is the news.
     */
    private static Optional<Long> ifTheLineHas(Balance balance, UsageType type, long amount) {
        boolean has = amount > 0 || balance.buckets().stream().anyMatch(bucket -> bucket.type() == type);
        return has ? Optional.of(amount) : Optional.empty();
    }

    /** The JST day the data ends at the average of the last whole days' use; empty when nothing was used. */
    private Optional<LocalDate> dataRunsOut(long remaining, Map<LocalDate, Long> byDay, LocalDate today) {
        int window = Math.min(PACE_DAYS, config.usageDays() - 1);
        if (remaining <= 0) {
            return Optional.of(today);
        }
        long used = 0;
        for (int i = 1; i <= window; i++) {
            used += byDay.getOrDefault(today.minusDays(i), 0L);
        }
        if (window == 0 || used <= 0) {
            return Optional.empty();
        }
        double perDay = (double) used / window;
        return Optional.of(today.plusDays((long) Math.floor(remaining / perDay)));
    }

    private void loadOffers() {
        Line line = session.line;
        await(new LookingUp(), Optional.of(new ShowBalance(session.balance)), Wait.CARRIER, () -> carrier.topUpOffers(line),
                offers -> {
                    session.offers = List.copyOf(offers);
                    go(new TopUpOffers(session.offers));
                }, this::carrierFailed);
    }

    private void placeOrder() {
        Line line = session.line;
        TopUpOffer offer = session.offer;
        String key = session.idempotencyKey;
        await(new LookingUp(), Optional.of(new TopUpConfirm(offer)), Wait.CARRIER, () -> carrier.orderTopUp(line, offer, key),
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
        long mine = ticket;
        execute("printer", io.printer(), () -> {
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
            postQuietly(() -> {
                if (mine == ticket && state instanceof TopUpSlip) {
                    go(new TopUpSlip(order, offer, printed));
                    publish();
                }
            });
        }, () -> go(new TopUpSlip(order, offer, PrintStatus.PRINTER_UNAVAILABLE))); // the order stands; only the slip waits
    }

    // ---------------------------------------------------------------- endings, errors, waiting

    private void cancel() {
        if (state instanceof Reading || state instanceof LookingUp) {
            ticket++; // whatever answers now is dropped
            abandonWait(); // and the call itself is interrupted: a stalled carrier lets go of its thread
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
        log.info("Session ended");
        wipe();
        go(cardIn.isPresent() ? new TakeSim() : resting());
    }

    private void fail(ErrorKind kind) {
        log.info("Customer shown error {}", kind);
        go(new State.Error(kind, kind.retryable() && session.retry != null));
    }

    private void carrierFailed(Exception failure) {
        CarrierError error = failure instanceof CarrierException e ? e.error() : CarrierError.BAD_RESPONSE;
        log.info("Carrier answered {} ({})", error, describe(failure));
        fail(switch (error) {
            case NOT_FOUND, NOT_SUPPORTED -> ErrorKind.NOT_FOUND;
            case OTP_INVALID, OTP_VERIFICATION_FAILED, OTP_MAX_CODES_EXCEEDED, DETAIL_MISMATCH -> ErrorKind.TOO_MANY_TRIES;
            case OTP_EXPIRED -> ErrorKind.CODE_EXPIRED;
            case NUMBER_CANNOT_GET_CODES -> ErrorKind.NUMBER_CANNOT_GET_CODES;
            case UNAVAILABLE, RATE_LIMITED, UNAUTHORIZED, BAD_RESPONSE, TIMEOUT -> ErrorKind.BACKEND_DOWN;
        });
    }

    private static ErrorKind cardErrorKind(CardError error) {
        return switch (error) {
            case NOT_A_SIM, CARD_MUTE -> ErrorKind.NOT_A_SIM;
            case CARD_REMOVED -> ErrorKind.CARD_REMOVED;
            case TIMEOUT -> ErrorKind.CARD_TIMEOUT;
            case NO_READER, PCSC_UNAVAILABLE, READER_SILENT, READER_GARBLED, SHARING_VIOLATION -> ErrorKind.READER_PROBLEM;
        };
    }

    private static String describe(Exception e) {
        return e instanceof CarrierException ? "carrier" : e.getClass().getSimpleName();
    }

    /**
     * Shows {@code waiting}, runs {@code call} on the executor of its kind and hands its answer to {@code onValue}
     * or {@code onFailure} on the flow's thread, unless the ticket moved on meanwhile. When the kind's deadline
     * passes first, the call is interrupted and {@code onFailure} gets a timeout ({@link CardTooSlow}, or a
     * carrier {@code TIMEOUT}). The same step is what Retry repeats (so a retried order reuses its idempotency
     * key); Cancel returns to {@code cancelTo}, or ends the session.
     */
    private <T> void await(State waiting, Optional<State> cancelTo, Wait kind, Call<T> call, Consumer<T> onValue,
                           Consumer<Exception> onFailure) {
        session.retry = () -> await(waiting, cancelTo, kind, call, onValue, onFailure);
        session.cancelTo = cancelTo;
        abandonWait();
        long mine = ++ticket;
        go(waiting);
        InFlight running = new InFlight();
        inFlight = Optional.of(running);
        Duration patience = kind == Wait.CARD ? config.cardReadWait() : config.carrierWait();
        waitDeadline = Optional.of(scheduler.schedule(patience, () -> {
            if (mine != ticket) {
                return;
            }
            ticket++; // the answer, should it still come, is dropped
            abandonWait();
            log.info("No answer from the {} within {} ms", kind == Wait.CARD ? "card" : "carrier", patience.toMillis());
            onFailure.accept(kind == Wait.CARD ? new CardTooSlow()
                    : new CarrierException(CarrierError.TIMEOUT, "no answer within " + patience.toMillis() + " ms"));
            restartIdleTimer(); // a new screen: the customer gets their quiet time to read it
            publish();
        }));
        execute(kind == Wait.CARD ? "card" : "carrier", kind == Wait.CARD ? io.card() : io.carrier(), () -> {
            Runnable answer;
            running.begin();
            try {
                T value = call.call();
                answer = () -> onValue.accept(value);
            } catch (Exception e) {
                answer = () -> onFailure.accept(e);
            } finally {
                running.end();
            }
            Runnable deliver = answer;
            postQuietly(() -> {
                if (mine != ticket) {
                    log.debug("Dropped an answer that came after a cancel, a deadline or a new session");
                    return;
                }
                ticket++; // this call is answered: a deadline already queued behind the answer finds it retired
                endWait();
                deliver.run();
                restartIdleTimer();
                publish();
            });
        }, () -> {
            endWait();
            fail(kind == Wait.CARD ? ErrorKind.READER_PROBLEM : ErrorKind.BACKEND_DOWN);
        });
    }

    /** Hands an answer to the flow's thread; one that comes after the kiosk shut its flow thread is let go. */
    private void postQuietly(Runnable onFlowThread) {
        try {
            post.accept(onFlowThread);
        } catch (RejectedExecutionException | IllegalStateException e) {
            log.debug("Answer dropped: the flow's thread has stopped");
        }
    }

    /** The awaited call answered: its deadline no longer applies. */
    private void endWait() {
        waitDeadline.ifPresent(FlowScheduler.Timer::cancel);
        waitDeadline = Optional.empty();
        inFlight = Optional.empty();
    }

    /** Nobody waits for the call in flight any more: stop its deadline and interrupt it. */
    private void abandonWait() {
        inFlight.ifPresent(InFlight::interrupt);
        endWait();
    }

    /** Runs {@code task} on {@code executor}; when that executor refuses it, {@code refused} says what the customer sees. */
    private void execute(String which, Executor executor, Runnable task, Runnable refused) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            log.warn("The {} executor refused work (shutting down, or every thread is stuck)", which);
            refused.run();
        }
    }

    private void go(State next) {
        state = next;
    }

    /** Nothing personal survives this: the session, the typed number, and any answer still on its way. */
    private void wipe() {
        session = new Session();
        phone.clear();
        ticket++;
        abandonWait();
    }

    private void publish() {
        FlowView view = view();
        for (Consumer<FlowView> listener : listeners) {
            listener.accept(view);
        }
    }

    // ---------------------------------------------------------------- idle

    private void restartIdleTimer() {
        stopIdleTimer();
        if (state.inSession() || language != config.defaultLanguage()) {
            long round = idleRound;
            idleTimer = Optional.of(scheduler.schedule(config.idleWarningAfter(), () -> {
                if (round == idleRound) {
                    quietTimeOver();
                }
            }));
        }
    }

    private void stopIdleTimer() {
        idleRound++;
        idleTimer.ifPresent(FlowScheduler.Timer::cancel);
        idleTimer = Optional.empty();
        idleSecondsLeft = OptionalInt.empty();
    }

    private void quietTimeOver() {
        if (state instanceof TakeSim) {
            stopIdleTimer(); // already wiped; the screen stays until the SIM is taken, in its owner's language
            return;
        }
        if (!state.inSession()) {
            language = config.defaultLanguage(); // the attract screen returns to Japanese; nothing personal to wipe
            stopIdleTimer();
            publish();
            return;
        }
        countDown((int) Math.max(1, config.idleCountdown().toSeconds()));
    }

    private void countDown(int secondsLeft) {
        if (secondsLeft <= 0) {
            log.info("Session ended: idle");
            stopIdleTimer();
            wipe();
            if (cardIn.isPresent()) {
                // The SIM is still in the reader: ask for it back, in the language its owner was reading.
                go(new TakeSim());
            } else {
                language = config.defaultLanguage();
                go(resting());
            }
            publish();
            return;
        }
        idleSecondsLeft = OptionalInt.of(secondsLeft);
        long round = idleRound;
        idleTimer = Optional.of(scheduler.schedule(Duration.ofSeconds(1), () -> {
            if (round == idleRound) {
                countDown(secondsLeft - 1);
            }
        }));
        publish();
    }

    // ---------------------------------------------------------------- small types

    @FunctionalInterface
    private interface Call<T> {
        T call() throws Exception;
    }

    private record SentCode(OtpChallenge challenge, boolean genuine) {}

    /** Which deadline a wait has, and which executor its call runs on. */
    private enum Wait { CARD, CARRIER }

    /** The card did not answer within {@link FlowConfig#cardReadWait()}. */
    private static final class CardTooSlow extends Exception {
        CardTooSlow() {
            super("card did not answer in time", null, false, false);
        }
    }

    /**
     * The thread running an awaited call, so that a cancel or a deadline can interrupt it, and only it: the
     * interrupt cannot outlive the call and hit the next task on the same pooled thread.
     */
    private static final class InFlight {
        private Thread runner;
        private boolean abandoned;

        synchronized void begin() {
            runner = Thread.currentThread();
            if (abandoned) {
                runner.interrupt(); // abandoned before it started: let a blocking call give up at once
            }
        }

        synchronized void end() {
            runner = null;
            Thread.interrupted(); // clears an interrupt meant for this call
        }

        synchronized void interrupt() {
            abandoned = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    private record Loaded(Balance balance, List<DailyUsage> usage) {}

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
