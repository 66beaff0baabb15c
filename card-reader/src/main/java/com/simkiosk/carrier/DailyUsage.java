package com.simkiosk.carrier;

import java.time.LocalDate;

/** Data used on one day, the day counted in Japan time. */
public record DailyUsage(LocalDate dayJst, long dataBytes) {}
