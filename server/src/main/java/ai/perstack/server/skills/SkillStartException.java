package ai.perstack.server.skills;

/**
 * A skill could not be started: refused by the operator's policy, missing a required
 * variable, an endpoint that breaks core's rule, or a server that would not connect. The
 * message names the skill and the rule; the fields say them apart for a 400's reason.
 */
public final class SkillStartException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String skillName;
    private final String rule;

    public SkillStartException(String skillName, String rule) {
        this(skillName, rule, null);
    }

    public SkillStartException(String skillName, String rule, Throwable cause) {
        super("skill " + skillName + ": " + rule, cause);
        this.skillName = skillName;
        this.rule = rule;
    }

    /** The key of the skill that failed. */
    public String skillName() {
        return skillName;
    }

    /** The rule it broke or what went wrong, without the skill's name. */
    public String rule() {
        return rule;
    }
}
