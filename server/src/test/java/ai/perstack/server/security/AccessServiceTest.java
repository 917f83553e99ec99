package ai.perstack.server.security;

import ai.perstack.server.domain.Organization;
import ai.perstack.server.store.Database;
import ai.perstack.server.store.OrganizationRepository;
import ai.perstack.server.testing.Platforms;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessServiceTest {
    private Path dir;
    private Database db;
    private AccessService access;

    @BeforeEach
    void open() {
        dir = Platforms.newDataDir();
        db = Database.open(null, dir);
        access = new AccessService(db, new OrganizationRepository(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aKnownKeyIsAnsweredFromTheCacheAndAnUnknownOneFailsEveryTime() {
        String key = access.createKey("acme");
        Optional<Organization> first = access.authenticate(key);
        assertThat(first).map(Organization::name).contains("acme");
        assertThat(access.authenticate(key)).isEqualTo(first);
        assertThat(access.authenticate(key + "x")).isEmpty();
        assertThat(access.authenticate(key + "x")).isEmpty();
        assertThat(access.authenticate("short")).isEmpty();
    }

    @Test
    void aKeyAddedAfterAFailedAttemptWorksAtOnce() {
        String key = ApiKeys.generate();
        assertThat(access.authenticate(key)).isEmpty();
        access.addKey("acme", key);
        assertThat(access.authenticate(key)).map(Organization::name).contains("acme");
    }

    @Test
    void aKeyRemovedFromTheStoreFailsOnceTheCacheForgetsIt() throws Exception {
        String key = access.createKey("acme");
        assertThat(access.authenticate(key)).isPresent();
        try (Connection c = DriverManager.getConnection(Database.h2Url(dir));
             PreparedStatement ps = c.prepareStatement("DELETE FROM api_keys WHERE key_hash = ?")) {
            ps.setString(1, ApiKeys.hash(key));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        access.forgetCachedKeys();
        assertThat(access.authenticate(key)).isEmpty();
    }
}
