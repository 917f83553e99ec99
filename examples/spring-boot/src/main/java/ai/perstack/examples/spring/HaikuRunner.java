package ai.perstack.examples.spring;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** With {@code --haiku.application} and {@code --haiku.expert}, writes one haiku at start-up and prints it. */
@Component
@ConditionalOnProperty({"haiku.application", "haiku.expert"})
public class HaikuRunner implements ApplicationRunner {
    private final HaikuService haikus;
    private final org.springframework.core.env.Environment environment;

    public HaikuRunner(HaikuService haikus, org.springframework.core.env.Environment environment) {
        this.haikus = haikus;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        HaikuService.Haiku haiku = haikus.write(environment.getRequiredProperty("haiku.application"),
                environment.getRequiredProperty("haiku.expert"), environment.getProperty("haiku.topic", "the sea"),
                question -> "the sea");
        System.out.println(haiku.job().result().orElse("(no result: " + haiku.job().status().value() + ")"));
    }
}
