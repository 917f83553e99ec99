package ai.perstack.server.skills;

import java.time.Duration;

/**
 * Time and size bounds on MCP skills: how long connecting and listing tools may take, how long
 * one tool call may take (core's SDK default is 60 s), and the largest message a stdio server
 * may send on one line.
 */
public record SkillLimits(Duration connectTimeout, Duration callTimeout, int maxMessageBytes) {
    /** 30 s to connect, 60 s a call, 16 MiB a message. */
    public static final SkillLimits DEFAULT = new SkillLimits(Duration.ofSeconds(30), Duration.ofSeconds(60),
            16 << 20);

    public SkillLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || callTimeout.isNegative()
                || callTimeout.isZero() || maxMessageBytes < 1024) {
            throw new IllegalArgumentException("skill limits must be positive (messages at least 1 KiB)");
        }
    }
}
