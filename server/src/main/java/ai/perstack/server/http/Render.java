package ai.perstack.server.http;

import ai.perstack.server.domain.Page;
import ai.perstack.server.env.EnvEntry;
import ai.perstack.server.registry.Views.DefinitionView;
import ai.perstack.server.registry.Views.DraftView;
import ai.perstack.server.registry.Views.ScopeView;
import ai.perstack.server.registry.Views.VersionView;
import ai.perstack.server.store.ApplicationRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Domain values to wire JSON: envelopes and resource shapes of the contract. Optional fields are omitted. */
final class Render {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Render() {
    }

    /** {@code {"data": {name: item}}}. */
    static Map<String, Object> item(String name, Object item) {
        return Map.of("data", Map.of(name, item));
    }

    /** {@code {"data": {name: [...]}, "meta": {total, take, skip}}}. */
    static <T> Map<String, Object> list(String name, Page<T> page, Function<T, Object> render, int take, int skip) {
        return listWithMeta(name, page.items().stream().map(render).toList(),
                meta("total", page.total(), "take", take, "skip", skip));
    }

    /** {@code {"data": {name: [...]}, "meta": {total, limit, offset}}}. */
    static <T> Map<String, Object> limitOffsetList(String name, Page<T> page, Function<T, Object> render,
                                                   int limit, int offset) {
        return listWithMeta(name, page.items().stream().map(render).toList(),
                meta("total", page.total(), "limit", limit, "offset", offset));
    }

    /** {@code {"data": {name: [...]}, "meta": {total}}} for lists that are not paginated. */
    static <T> Map<String, Object> all(String name, List<T> items, Function<T, Object> render) {
        return listWithMeta(name, items.stream().map(render).toList(), meta("total", (long) items.size()));
    }

    private static Map<String, Object> listWithMeta(String name, List<Object> items, Map<String, Object> meta) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", Map.of(name, items));
        body.put("meta", meta);
        return body;
    }

    private static Map<String, Object> meta(Object... pairs) {
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            meta.put((String) pairs[i], pairs[i + 1]);
        }
        return meta;
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static Object application(ApplicationRecord a) {
        return new Obj().put("id", a.id()).put("organizationId", a.organizationId()).put("name", a.name())
                .put("status", a.status()).put("applicationGroupId", a.applicationGroupId())
                .put("createdAt", timestamp(a.createdAt())).put("updatedAt", timestamp(a.updatedAt())).map;
    }

    /** A secret: name and timestamps only; the value is write-only. */
    static Object secret(EnvEntry e) {
        return new Obj().put("name", e.name()).put("createdAt", timestamp(e.createdAt()))
                .put("updatedAt", timestamp(e.updatedAt())).map;
    }

    static Object variable(EnvEntry e) {
        return new Obj().put("name", e.name()).put("value", e.value()).put("createdAt", timestamp(e.createdAt()))
                .put("updatedAt", timestamp(e.updatedAt())).map;
    }

    static Object scope(ScopeView s) {
        return new Obj().put("scopeName", s.scope().scopeName()).put("organizationId", s.scope().organizationId())
                .put("description", s.scope().description()).put("category", s.scope().category())
                .put("visibility", s.scope().visibility()).put("latestVersion", s.latestVersion())
                .put("tags", s.tags()).put("createdAt", timestamp(s.scope().createdAt()))
                .put("updatedAt", timestamp(s.scope().updatedAt())).map;
    }

    static Object version(VersionView v) {
        return new Obj().put("version", v.version()).put("tag", v.tag()).put("tags", v.tags())
                .put("yanked", v.yanked()).put("createdAt", timestamp(v.createdAt())).map;
    }

    static Object definition(DefinitionView d) {
        return new Obj().put("scopeName", d.scopeName()).put("version", d.version().version())
                .put("tag", d.version().tag()).put("tags", d.version().tags()).put("yanked", d.version().yanked())
                .put("experts", d.experts()).put("createdAt", timestamp(d.version().createdAt())).map;
    }

    static Object meta(DefinitionView d) {
        return new Obj().put("scope", d.scopeName()).put("version", d.version().version())
                .put("tag", d.version().tag()).put("yanked", d.version().yanked()).put("visibility", d.visibility())
                .put("createdAt", timestamp(d.version().createdAt())).map;
    }

    static Object draft(DraftView d) {
        return new Obj().put("id", d.draft().id()).put("scopeName", d.scopeName())
                .put("applicationId", d.draft().applicationId()).put("experts", d.experts())
                .put("createdAt", timestamp(d.draft().createdAt())).put("updatedAt", timestamp(d.draft().updatedAt())).map;
    }

    /** An ordered JSON object that skips null values (optional fields are absent, not null). */
    static final class Obj {
        final Map<String, Object> map = new LinkedHashMap<>();

        Obj put(String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
            return this;
        }
    }
}
