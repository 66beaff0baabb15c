"""The peers of `./kiosk bench card --peer`: pyscard sending the kiosk's APDUs, one read per iteration, two ways.

scard:   pyscard's PC/SC layer (smartcard.scard), call for call what the kiosk's read does through the JDK: list the
         readers (the kiosk finds its reader by name on every read), connect shared, ask the ATR (SCardStatus, as the
         JDK's connect does), transmit each APDU, disconnect leaving the card powered; one context for the process.
readers: pyscard as its documentation uses it: smartcard.System.readers(), createConnection(), connect(), getATR(),
         transmit(), disconnect(). connect() is told to leave the card powered at disconnect, as the kiosk's read and
         the scard peer do: pyscard's own default (SCARD_UNPOWER_CARD) would power the card off after every read, and
         whichever read came next would pay the power-up (one more trip to the card inside its connect).

Usage: python3 -c "$(cat pyscard_peer.py)" scard|readers READER WARMUP CMD=SW [CMD=SW ...]   (hex without spaces)
After WARMUP reads it prints "ready"; then for every line on stdin it does one read and prints its nanoseconds, so that
the bench can alternate kiosk and peer read by read (load from other work falls on both alike). Exits 4 when an
answer's status word is not the one the kiosk's card gave (the peer must do the same work), 3 without pyscard.
"""
import sys
import time

try:
    from smartcard import scard
except ImportError:
    print("pyscard is not installed (Debian: python3-pyscard)", file=sys.stderr)
    sys.exit(3)


def check(hresult, what):
    if hresult != scard.SCARD_S_SUCCESS:
        raise SystemExit("peer: %s failed: %s" % (what, scard.SCardGetErrorMessage(hresult)))


def scard_read(reader, exchanges):
    hresult, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    check(hresult, "SCardEstablishContext")

    def one_read():
        hresult, readers = scard.SCardListReaders(context, [])
        check(hresult, "SCardListReaders")
        if reader not in readers:
            raise SystemExit("peer: no reader named " + reader)
        hresult, card, protocol = scard.SCardConnect(context, reader, scard.SCARD_SHARE_SHARED,
                                                     scard.SCARD_PROTOCOL_T0 | scard.SCARD_PROTOCOL_T1)
        check(hresult, "SCardConnect")
        try:
            hresult, _name, _state, _protocol, _atr = scard.SCardStatus(card)
            check(hresult, "SCardStatus")
            pci = scard.SCARD_PCI_T0 if protocol == scard.SCARD_PROTOCOL_T0 else scard.SCARD_PCI_T1
            for command, sw in exchanges:
                hresult, response = scard.SCardTransmit(card, pci, command)
                check(hresult, "SCardTransmit")
                same_status(command, response[-2:], sw)
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)
    return one_read


def readers_read(reader, exchanges):
    from smartcard.System import readers

    def one_read():
        found = [r for r in readers() if str(r) == reader]
        if not found:
            raise SystemExit("peer: no reader named " + reader)
        connection = found[0].createConnection()
        connection.connect(disposition=scard.SCARD_LEAVE_CARD)
        try:
            connection.getATR()
            for command, sw in exchanges:
                _data, sw1, sw2 = connection.transmit(command)
                same_status(command, [sw1, sw2], sw)
        finally:
            connection.disconnect()
    return one_read


def same_status(command, got, sw):
    if got != sw:
        print("peer: %s answered %s, the kiosk's card %s" % (bytes(command).hex(), bytes(got).hex(), bytes(sw).hex()),
              file=sys.stderr)
        sys.exit(4)


def main():
    api, reader, warmup = sys.argv[1], sys.argv[2], int(sys.argv[3])
    exchanges = []
    for pair in sys.argv[4:]:
        command, sw = pair.split("=")
        exchanges.append((list(bytes.fromhex(command)), list(bytes.fromhex(sw))))
    one_read = (scard_read if api == "scard" else readers_read)(reader, exchanges)
    for _ in range(warmup):
        one_read()
    print("ready", flush=True)
    for _line in sys.stdin:
        start = time.perf_counter_ns()
        one_read()
        print(time.perf_counter_ns() - start, flush=True)


main()
