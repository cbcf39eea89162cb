package org.hetong.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MaintenanceTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theDailyRiskRefreshRunsFiveMinutesAfterLocalMidnight() {
        Clock evening = Clock.fixed(Instant.parse("2026-11-27T14:00:00Z"), SHANGHAI); // 22:00 in Shanghai
        assertEquals(Duration.ofHours(2).plusMinutes(5), Maintenance.untilNextRun(evening));
    }

    @Test
    void justAfterTheRunTheNextOneIsAlmostADayAway() {
        Clock morning = Clock.fixed(Instant.parse("2026-11-27T16:06:00Z"), SHANGHAI); // 00:06 in Shanghai
        assertEquals(Duration.ofHours(23).plusMinutes(59), Maintenance.untilNextRun(morning));
    }
}
