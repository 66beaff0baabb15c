package com.simkiosk.card.network;

/** Why a balance question over the SIM's own network got no answer, in words an operator can act on. */
public enum NetworkError {
    /** The SIM is not ready for the network ({@code AT+CPIN?} not {@code READY}: no SIM, or its PIN not given). */
    SIM_NOT_READY,
    /** No network at all where the kiosk stands ({@code +CME ERROR: 30}). */
    NO_COVERAGE,
    /** The network refused the SIM ({@code +CREG: 0,3}): barred, expired, or no roaming agreement. */
    REGISTRATION_DENIED,
    /** Still searching when the registration bound passed. */
    REGISTRATION_TIMEOUT,
    /** Sent, but no answer within the reply bound (USSD result or SMS reply). */
    REPLY_TIMEOUT,
    /** The network ended the USSD session without an answer ({@code +CUSD: 2}), or said it does not support it ({@code +CUSD: 4}). */
    SESSION_ENDED,
    /** A reply came but cannot be read: a PDU that does not follow TS 23.040 (truncated, wrong type, compressed). */
    UNREADABLE_REPLY,
    /** The module or network refused the request ({@code ERROR}, {@code +CMS ERROR}, other {@code +CME ERROR}). */
    REFUSED,
    /** The modem itself: port lost, silent, or no final answer to a command in time. */
    MODEM
}
