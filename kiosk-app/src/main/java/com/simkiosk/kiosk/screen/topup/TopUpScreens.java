package com.simkiosk.kiosk.screen.topup;

import com.simkiosk.carrier.TopUpOffer;
import com.simkiosk.carrier.TopUpOrder;
import com.simkiosk.kiosk.flow.BalanceView;
import com.simkiosk.kiosk.flow.Event;
import com.simkiosk.kiosk.flow.State;
import com.simkiosk.kiosk.i18n.Messages;
import com.simkiosk.kiosk.screen.common.PaymentCodes;
import com.simkiosk.kiosk.screen.common.ScreenContext;
import com.simkiosk.kiosk.screen.common.Ui;
import com.simkiosk.printer.PaymentReference;
import java.time.LocalDate;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Buying data: offers → confirm → a payment slip, shown on screen and printed. */
public final class TopUpScreens {
    private TopUpScreens() {}

    /**
     * The offers as cards, side by side: the price large, the data it adds, from when its days count and whether it
     * moves the expiry, the line it is for, and one marked "recommended for your pace" ({@link OfferChoice}).
     */
    public static Parent offers(State.TopUpOffers s, ScreenContext ctx) {
        Messages m = ctx.messages();
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), BalanceView.JST);
        Optional<TopUpOffer> recommended = s.outlook().flatMap(o -> OfferChoice.recommended(s.offers(), o, today));
        HBox cards = new HBox();
        cards.getStyleClass().add("offer-cards");
        cards.setAlignment(Pos.CENTER);
        cards.setMaxHeight(Region.USE_PREF_SIZE);
        VBox body = new VBox(cards);
        body.setAlignment(Pos.CENTER);
        if (s.offers().isEmpty()) {
            Label none = Ui.body(m.get("topup.none"));
            none.setId("no-offers");
            body.getChildren().setAll(none);
        }
        for (TopUpOffer o : s.offers()) {
            cards.getChildren().add(card(o, s.outlook(), recommended.filter(o::equals).isPresent(), today, ctx));
        }
        Label pace = Ui.hint(" ");
        pace.setId("pace-note");
        recommended.ifPresent(r -> pace.setText(m.get("topup.paceNote",
                m.data(s.outlook().orElseThrow().bytesPerDay().orElseThrow()))));
        return Ui.screen("screen-topUpOffers", Ui.title(m.get("screen.topUpOffers")), Ui.hint(m.get("topup.choose")), Ui.spacer(),
                body, pace, Ui.spacer(), Ui.actions(Ui.button("back", m.get("common.back"), () -> ctx.fire(new Event.Back()))));
    }

    /** One offer card, ending in its "choose" button; a tap anywhere on the card chooses it too. */
    static VBox card(TopUpOffer o, Optional<State.LineOutlook> outlook, boolean recommended, LocalDate today, ScreenContext ctx) {
        Messages m = ctx.messages();
        VBox card = facts(o, outlook, recommended, today, m);
        Runnable choose = () -> ctx.fire(new Event.OfferChosen(o.id()));
        Button b = recommended ? Ui.primary("offer-" + o.id(), m.get("topup.card.choose"), choose)
                : Ui.button("offer-" + o.id(), m.get("topup.card.choose"), choose);
        b.setMaxWidth(Double.MAX_VALUE);
        card.getChildren().addAll(Ui.spacer(), b);
        card.setOnMouseClicked(e -> choose.run());
        return card;
    }

    /**
     * What an offer card says, the same on the offers and the confirm screen: the price large, the data it adds, from
     * when its days count, whether it moves the expiry, and the line it is for.
     */
    private static VBox facts(TopUpOffer o, Optional<State.LineOutlook> outlook, boolean recommended, LocalDate today, Messages m) {
        VBox card = new VBox();
        card.setId("offer-card-" + o.id());
        card.getStyleClass().add("offer-card");
        card.setAlignment(Pos.TOP_CENTER);
        Label badge = Ui.label(recommended ? "★ " + m.get("topup.card.recommended") : " ", "offer-badge");
        badge.setId("offer-badge-" + o.id());
        badge.setVisible(recommended);
        Label price = Ui.label(m.get("topup.offerPrice", m.grouped(o.priceYen())), "offer-price");
        price.setId("offer-price-" + o.id());
        Label adds = Ui.label(m.get("topup.card.adds", m.data(o.dataBytes())), "offer-adds");
        adds.setId("offer-adds-" + o.id());
        long days = o.validity().toDays();
        Label validity = Ui.label(m.get("topup.card.days", days), "body");
        validity.setId("offer-days-" + o.id());
        card.getChildren().addAll(badge, price, adds, validity);
        outlook.flatMap(State.LineOutlook::expires).ifPresent(expires -> {
            LocalDate lastDay = LocalDate.ofInstant(expires, BalanceView.JST);
            LocalDate offerLastDay = today.plusDays(days); // carriers count from the day of payment, to 23:59 JST
            Label expiry = offerLastDay.isAfter(lastDay)
                    ? Ui.label(m.get("topup.card.extends", m.date(offerLastDay)), "body", "offer-extends")
                    : Ui.label(m.get("topup.card.keeps", m.date(lastDay)), "body", "muted");
            expiry.setId("offer-expiry-" + o.id());
            card.getChildren().add(expiry);
        });
        outlook.ifPresent(l -> {
            Label line = Ui.label(m.get("topup.card.forLine", l.line()), "hint");
            line.setId("offer-line-" + o.id());
            card.getChildren().add(line);
        });
        if (recommended) {
            card.getStyleClass().add("recommended");
        }
        return card;
    }

    /**
     * The chosen offer, as the same card the offers screen showed (so the two read as one journey), where to pay,
     * and "Order and print slip" beside Back.
     */
    public static Parent confirm(State.TopUpConfirm s, ScreenContext ctx) {
        Messages m = ctx.messages();
        LocalDate today = LocalDate.ofInstant(ctx.clock().instant(), BalanceView.JST);
        VBox card = facts(s.offer(), s.outlook(), false, today, m);
        card.getStyleClass().add("confirm-card");
        HBox cards = new HBox(card);
        cards.getStyleClass().add("offer-cards");
        cards.setAlignment(Pos.CENTER);
        cards.setMaxHeight(Region.USE_PREF_SIZE);
        Label pay = Ui.hint(m.get("confirm.body"));
        pay.setId("confirm-body");
        return Ui.screen("screen-topUpConfirm", Ui.title(m.get("screen.topUpConfirm")), pay, Ui.spacer(),
                cards, Ui.spacer(), Ui.actions(Ui.button("back", m.get("common.back"), () -> ctx.fire(new Event.Back())),
                        Ui.primary("confirm", m.get("confirm.ok"), () -> ctx.fire(new Event.ConfirmTopUp()))));
    }

    public static Parent slip(State.TopUpSlip s, ScreenContext ctx) {
        Messages m = ctx.messages();
        TopUpOrder order = s.order();
        ImageView barcode = new ImageView(PaymentCodes.code128(order.paymentCode(), 640, 150));
        barcode.setId("barcode");
        ImageView qr = new ImageView(PaymentCodes.qr(order.paymentCode(), 260));
        qr.setId("qr");
        // Written as the paper writes it (PaymentReference), under the barcode as on the paper.
        Label code = Ui.label(PaymentReference.grouped(order.paymentCode()), "headline", "payment-code");
        code.setId("payment-code");
        VBox codes = new VBox(12, barcode, Ui.label(m.get("slip.code"), "card-label"), code, qr);
        codes.setAlignment(Pos.CENTER);
        codes.getStyleClass().add("slip-box");

        Label amount = Ui.label(m.get("slip.amountValue", m.grouped(order.amountYen())), "title");
        amount.setId("slip-amount");
        Label instructions = Ui.label(m.get("slip.instructions"), "headline", "warning");
        instructions.setId("slip-instructions");
        Label payBy = Ui.body(m.get("slip.payBy", m.dateTime(order.payBy().atZone(BalanceView.JST))));
        Label print = Ui.label(printText(s.print(), m), "body", s.print() == State.PrintStatus.PRINTED ? "message-info" : "message-error");
        print.setId("print-status");
        VBox info = new VBox(20, Ui.label(m.get("slip.amount"), "card-label"), amount, instructions, payBy,
                Ui.body(m.data(s.offer().dataBytes()) + " · " + m.get("topup.offerValidity", s.offer().validity().toDays())), print);
        info.setMaxWidth(900);
        HBox row = new HBox(64, codes, info);
        row.setAlignment(Pos.CENTER);
        HBox actions = Ui.actions(Ui.primary("done", m.get("common.done"), () -> ctx.fire(new Event.Done())));
        if (s.print() == State.PrintStatus.PRINTER_UNAVAILABLE) {
            actions.getChildren().add(1, Ui.button("print-again", m.get("print.again"), () -> ctx.fire(new Event.Print())));
        }
        return Ui.screen("screen-topUpSlip", Ui.title(m.get("screen.topUpSlip")), row, Ui.spacer(), actions);
    }

    private static String printText(State.PrintStatus p, Messages m) {
        return switch (p) {
            case PRINTING -> m.get("print.printing");
            case PRINTED -> m.get("print.printed");
            case PRINTER_UNAVAILABLE -> m.notice("error.printerUnavailable");
        };
    }

}
