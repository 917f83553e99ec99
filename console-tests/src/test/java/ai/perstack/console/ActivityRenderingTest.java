package ai.perstack.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every activity type of Perstack core, drawn by the console's own module in the browser, with
 * hostile text in its fields. Today's platform sends only some of these types; the page must
 * draw the rest the day it sends them, a list of activities in one checkpoint included.
 */
class ActivityRenderingTest extends ConsoleTestBase {
    private static final String X = "<img src=x onerror=\"window.__pwned=1\">";

    /** Draws the activities of a checkpoint with the console's timeline and returns each item's text by type. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> draw(String activityJson) {
        openSignedIn("/");
        Object result = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/js/views/timeline.js').then(({ Timeline }) => {
                  const t = new Timeline();
                  t.add({ id: 'c', jobId: 'j', runId: 'r', sequence: 1, stepNumber: 1, status: 'proceeding',
                          expert: { key: 'main', name: 'Main', version: '1.0.0' }, usage: { totalTokens: 3 },
                          activity: JSON.parse(arguments[0]) });
                  document.querySelector('main').append(t.node);
                  const out = {};
                  for (const li of t.node.querySelectorAll('li.step')) out[li.dataset.type] = li.textContent;
                  done(out);
                }, e => done({ failed: String(e) }));
                """, activityJson);
        return (Map<String, String>) result;
    }

    @Test
    void everyCoreActivityTypeIsDrawnByItsFields() {
        String list = """
                [
                 {"type":"query","text":"Q %1$s"},
                 {"type":"retry","error":"RateLimit","message":"M %1$s"},
                 {"type":"complete","text":"C %1$s"},
                 {"type":"error","error":"E %1$s","errorName":"ProviderError","isRetryable":false},
                 {"type":"attemptCompletion","remainingTodos":[{"id":1,"title":"T %1$s","completed":false}]},
                 {"type":"todo","newTodos":["N %1$s"],"completedTodos":[0],"todos":[{"id":0,"title":"D %1$s","completed":true}]},
                 {"type":"clearTodo"},
                 {"type":"readImageFile","path":"/img/%1$s.png","mimeType":"image/png","size":42},
                 {"type":"readPdfFile","path":"/doc.pdf","size":7},
                 {"type":"readTextFile","path":"/a.txt","content":"R %1$s","from":1,"to":3},
                 {"type":"editTextFile","path":"/b.txt","oldText":"old %1$s","newText":"new %1$s"},
                 {"type":"appendTextFile","path":"/c.txt","text":"A %1$s"},
                 {"type":"writeTextFile","path":"/d.txt","text":"W %1$s"},
                 {"type":"deleteFile","path":"/e.txt","error":"denied %1$s"},
                 {"type":"createDirectory","path":"/dir"},
                 {"type":"deleteDirectory","path":"/old","recursive":true},
                 {"type":"moveFile","source":"/s %1$s","destination":"/t"},
                 {"type":"getFileInfo","path":"/f","info":{"exists":true,"name":"f %1$s","size":3}},
                 {"type":"listDirectory","path":"/","items":[{"name":"L %1$s","path":"/x","type":"file","size":1,"modified":"now"}]},
                 {"type":"exec","command":"ls","args":["-la"],"cwd":"/work","stdout":"S %1$s","stderr":"err %1$s"},
                 {"type":"delegate","delegateExpertKey":"@acme/helper","query":"H %1$s"},
                 {"type":"delegationComplete","count":2},
                 {"type":"interactiveTool","skillName":"ask","toolName":"askUser","args":{"question":"Q2 %1$s"}},
                 {"type":"generalTool","skillName":"web","toolName":"fetch","args":{"url":"javascript:x"},
                  "result":[{"type":"textPart","id":"p","text":"G %1$s"},{"type":"imageInlinePart","id":"i","mimeType":"image/png","encodedData":"AA"}]},
                 {"type":"somethingNew","field":"U %1$s"}
                ]""".formatted(X.replace("\"", "\\\""));
        Map<String, String> drawn = draw(list.replaceAll("\\{\"type\"", "{\"id\":\"a\",\"expertKey\":\"main\",\"runId\":\"r\",\"type\""));
        assertThat(drawn).doesNotContainKey("failed").hasSize(25);
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("query", List.of("Query", "Q " + X)),
                Map.entry("retry", List.of("RateLimit", "M " + X)),
                Map.entry("complete", List.of("Completed", "C " + X)),
                Map.entry("error", List.of("ProviderError", "E " + X, "Retryable no")),
                Map.entry("attemptCompletion", List.of("Todos still open", "T " + X)),
                Map.entry("todo", List.of("Added N " + X, "D " + X)),
                Map.entry("clearTodo", List.of("cleared")),
                Map.entry("readImageFile", List.of("/img/" + X + ".png", "image/png", "42 B")),
                Map.entry("readPdfFile", List.of("/doc.pdf", "7 B")),
                Map.entry("readTextFile", List.of("/a.txt", "1–3")),
                Map.entry("editTextFile", List.of("old " + X, "new " + X)),
                Map.entry("appendTextFile", List.of("/c.txt")),
                Map.entry("writeTextFile", List.of("/d.txt")),
                Map.entry("deleteFile", List.of("/e.txt", "denied " + X)),
                Map.entry("createDirectory", List.of("/dir")),
                Map.entry("deleteDirectory", List.of("/old", "Recursive yes")),
                Map.entry("moveFile", List.of("/s " + X, "/t")),
                Map.entry("getFileInfo", List.of("f " + X)),
                Map.entry("listDirectory", List.of("L " + X)),
                Map.entry("exec", List.of("$ ls -la", "/work", "S " + X, "err " + X)),
                Map.entry("delegate", List.of("@acme/helper", "H " + X)),
                Map.entry("delegationComplete", List.of("2 delegation(s) finished")),
                Map.entry("interactiveTool", List.of("ask → askUser", "Q2 " + X)),
                Map.entry("generalTool", List.of("web → fetch", "G " + X, "[imageInlinePart image/png]")),
                Map.entry("somethingNew", List.of("somethingNew", "U " + X.replace("\"", "\\\""))));
        expected.forEach((type, texts) -> assertThat(drawn.get(type)).as(type).contains(texts));
        assertThat(browser.script("return window.__pwned === undefined && document.querySelectorAll('img').length === 0"))
                .isEqualTo(true);
    }

    @Test
    void todaysShapesAreDrawnToo() {
        Map<String, String> drawn = draw("""
                {"type":"think","id":"a","expertKey":"main","runId":"r","thought":"Working on it","reasoning":"Because"}""");
        assertThat(drawn.get("think")).contains("Thinking", "Working on it");
        Map<String, String> delegation = draw("""
                {"type":"delegationComplete","id":"a","expertKey":"main","runId":"r","delegateTo":"helper","result":"Done: notes"}""");
        assertThat(delegation.get("delegationComplete")).contains("helper finished", "Done: notes");
        Map<String, String> tool = draw("""
                {"type":"generalTool","id":"a","expertKey":"main","runId":"r","skillName":"s","toolName":"t","args":{},"result":{"ok":true}}""");
        assertThat(tool.get("generalTool")).contains("\"ok\": true");
    }
}
