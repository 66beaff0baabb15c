"""The plainest peer for `./kiosk bench card --peer`: pyscard doing, per iteration, what the kiosk's read does at the
PC/SC level - list the readers (the kiosk finds its reader by name on every read), connect shared, ask the ATR
(SCardStatus, as the JDK's connect does), send the kiosk's APDUs one by one, disconnect leaving the card powered.

Usage: python3 - READER WARMUP N CMD=SW [CMD=SW ...]   (the script on stdin; hex without spaces)
Prints one line per measured iteration: its nanoseconds. Exits 4 when an answer's status word is not the one the
kiosk's card gave (the peer must do the same work, not fail fast), 3 when pyscard is missing.
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


def main():
    reader, warmup, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    exchanges = []
    for pair in sys.argv[4:]:
        command, sw = pair.split("=")
        exchanges.append((list(bytes.fromhex(command)), list(bytes.fromhex(sw))))
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
                if response[-2:] != sw:
                    print("peer: %s answered %s, the kiosk's card %s" % (bytes(command).hex(), bytes(response[-2:]).hex(),
                                                                         bytes(sw).hex()), file=sys.stderr)
                    sys.exit(4)
        finally:
            scard.SCardDisconnect(card, scard.SCARD_LEAVE_CARD)

    for _ in range(warmup):
        one_read()
    nanos = []
    for _ in range(n):
        start = time.perf_counter_ns()
        one_read()
        nanos.append(time.perf_counter_ns() - start)
    scard.SCardReleaseContext(context)
    sys.stdout.write("\n".join(str(x) for x in nanos) + "\n")


main()
