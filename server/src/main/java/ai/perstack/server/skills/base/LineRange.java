package ai.perstack.server.skills.base;

/**
 * Lines {@code [from, to)} of a text whose lines end with LF, clamped to the text, as
 * {@code readTextFile} returns them: the lines joined by LF, without the last one's LF. Found by
 * scanning for line ends, not by splitting the text into a string per line and joining them
 * again: a whole 1 MB file then costs one scan and no copy.
 *
 * @param content the lines
 * @param from the first line returned (0-based, clamped)
 * @param to one past the last line returned (clamped, never below {@code from})
 */
record LineRange(String content, int from, int to) {

    /** The range of {@code text} from line {@code from} (null: the first) to {@code to} (null: past the last). */
    static LineRange of(String text, Integer from, Integer to) {
        int lines = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        int start = clamp(from == null ? 0 : from, lines);
        int end = Math.max(start, clamp(to == null ? lines : to, lines));
        if (start == 0 && end == lines) {
            return new LineRange(text, start, end);
        }
        if (start == end) {
            return new LineRange("", start, end);
        }
        int begin = lineStart(text, start);
        int finish = end == lines ? text.length() : lineStart(text, end) - 1;
        return new LineRange(text.substring(begin, finish), start, end);
    }

    /** Where line {@code n} (0-based, existing) begins. */
    private static int lineStart(String text, int n) {
        int at = 0;
        for (int i = 0; i < n; i++) {
            at = text.indexOf('\n', at) + 1;
        }
        return at;
    }

    private static int clamp(int value, int length) {
        return Math.max(0, Math.min(value, length));
    }
}
