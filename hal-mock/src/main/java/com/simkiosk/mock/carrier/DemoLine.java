package com.simkiosk.mock.carrier;

import com.simkiosk.card.Iccid;
import com.simkiosk.card.fs.Imsi;
import com.simkiosk.carrier.LineStatus;
import com.simkiosk.carrier.Msisdn;
import com.simkiosk.carrier.VerificationMethod;
import com.simkiosk.privacy.Mask;
import java.util.List;
import java.util.Optional;

/**
 * One demo line of the carrier simulator, for the demo SIM tray and tests: what a customer would hold (the SIM,
 * its PIN, the number) and what they would know (their identity document's number, the order number).
 * {@code brand} is the plan name for a line the carrier gives no brand; {@code verificationMethods} is empty when
 * the carrier lists none (the kiosk then offers its defaults). {@code imsi} (with the MNC's length) is the USIM's
 * subscriber identity, for a line that can bootstrap over GBA (its virtual USIM carries {@code UsimKeys.DEMO});
 * {@code Imsi.toString()} is masked.
 */
public record DemoLine(
        String key,
        String label,
        String productId,
        String partyAccountId,
        Iccid iccid,
        Optional<Msisdn> msisdn,
        String simPin,
        LineStatus status,
        String brand,
        List<VerificationMethod> verificationMethods,
        String idDocument,
        String orderNumber,
        Optional<Imsi> imsi,
        int mncLength) {

    public DemoLine {
        verificationMethods = List.copyOf(verificationMethods);
    }

    /** TS 23.003 §13.3: {@code <IMSI>@ims.mnc<MNC>.mcc<MCC>.3gppnetwork.org}, the MNC with three digits. */
    public Optional<String> impi() {
        return imsi.map(i -> impi(i.digits(), mncLength));
    }

    /** TS 23.003 §13.3 for an IMSI whose MNC has {@code mncLength} digits (the BSF's view of its subscribers). */
    static String impi(String imsi, int mncLength) {
        return imsi + "@ims.mnc" + "0".repeat(3 - mncLength) + imsi.substring(3, 3 + mncLength) + ".mcc"
                + imsi.substring(0, 3) + ".3gppnetwork.org";
    }

    /** The last 4 characters of the identity document's number. */
    public String idDocumentLast4() {
        return idDocument.substring(Math.max(0, idDocument.length() - 4));
    }

    /** Masked, so a demo line can be logged. */
    @Override
    public String toString() {
        return "DemoLine[" + key + ", " + iccid + ", " + msisdn.map(Msisdn::masked).orElse("no number") + ", "
                + status + ", PIN " + Mask.secret(simPin) + "]";
    }
}
