package eu.eurocities.site.render;

import eu.eurocities.site.diag.Diagnostic;
import eu.eurocities.site.diag.Severity;
import eu.eurocities.site.diag.SourcePos;
import gg.jte.TemplateNotFoundException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns jte's exceptions into diagnostics at the template's line, so that a mistake in a template is reported like a
 * mistake in the content ({@code templates/pages/city.jte:8:1: error: ...}), never as an internal error. jte says
 * {@code Failed to compile pages/city.jte, error at line 8: message} for a template it cannot parse,
 * {@code Failed to compile template:\npages/city.jte:8\n<javac's report>} for Java code in it that does not compile,
 * and {@code Failed to render pages/city.jte, error at layout/base.jte:50} for one that fails while rendering a page.
 */
public final class TemplateErrors {
    private static final Pattern COMPILE_AT_LINE =
            Pattern.compile("Failed to compile ([\\w./-]+\\.jte), error at line (\\d+):(.*)");
    private static final Pattern ERROR_AT = Pattern.compile("error at ([\\w./-]+\\.jte):(\\d+)");
    private static final Pattern JAVA_AT = Pattern.compile("(?m)^([\\w./-]+\\.jte):(\\d+)$");
    private static final Pattern JAVAC = Pattern.compile("(?m)^\\S+\\.java:\\d+: error: (.*)$");
    private static final Pattern RENDER = Pattern.compile("Failed to render ([\\w./-]+\\.jte)");
    private static final Pattern SYMBOL = Pattern.compile("(?m)^\\s*symbol:\\s*(.*)$");
    /** A call of a template that does not exist: {@code partial/x.jte not found, referenced at pages/city.jte:17}. */
    private static final Pattern CALLS_MISSING =
            Pattern.compile("([\\w./-]+\\.jte) not found, referenced at ([\\w./-]+\\.jte):(\\d+)");
    /** A page template typed for one kind of page given another: the page's cast fails inside it. */
    private static final Pattern WRONG_KIND = Pattern.compile(
            "plan\\.Page\\$(\\w+) cannot be cast to class eu\\.eurocities\\.site\\.plan\\.Page\\$(\\w+)");

    private TemplateErrors() {}

    /**
     * The error for {@code e}, thrown by jte.
     *
     * @param e jte's exception (or a wrapper of it)
     * @param page the page being rendered when it failed, or null when none was
     * @param hint what the editor should do
     * @return an error at {@code templates/<name>:<line>:1} when jte names the place, at the missing file when a page's
     *     template does not exist, else at {@code templates}
     */
    public static Diagnostic of(RuntimeException e, String page, String hint) {
        String message = String.valueOf(e.getMessage()).strip();
        Matcher called = CALLS_MISSING.matcher(message);
        if (e instanceof TemplateNotFoundException && called.matches()) {
            String missing = called.group(1);
            return error(
                    called.group(2),
                    called.group(3),
                    "template does not compile: it calls " + missing + ", which is neither in templates/ nor built in",
                    "correct the name in the call, or create templates/" + missing);
        }
        if (e instanceof TemplateNotFoundException) {
            // a kind of page in plan/Page.java without its template; jte says "Failed to load pages/<kind>.jte"
            String name = message.replaceFirst("^Failed to load ", "");
            return new Diagnostic(
                    SourcePos.file("templates/" + name),
                    Severity.ERROR,
                    "no template " + name + " for the pages of its kind" + (page == null ? "" : ", such as " + page),
                    "each kind of page in plan/Page.java is rendered by templates/" + name
                            + ": add it (README: Layout of the code)");
        }
        Matcher m = COMPILE_AT_LINE.matcher(message);
        if (m.find()) {
            return error(
                    m.group(1),
                    m.group(2),
                    "template does not compile: " + m.group(3).strip(),
                    hint);
        }
        if ((m = JAVA_AT.matcher(message)).find()) {
            String name = m.group(1);
            String line = m.group(2);
            String detail = (m = JAVAC.matcher(message)).find() ? m.group(1).strip() : "Java code in it is wrong";
            if ((m = SYMBOL.matcher(message)).find()) {
                detail += " (" + m.group(1).replaceAll("\\s+", " ").strip() + ")";
            }
            return error(name, line, "template does not compile: " + detail, hint);
        }
        String cause = e.getCause() == null ? null : e.getCause().getMessage();
        // jte calls a precompiled template through reflection: other parameters than it is given fail there
        if ((m = RENDER.matcher(message)).find() && e.getCause() instanceof IllegalArgumentException) {
            return error(
                    m.group(1),
                    "1",
                    "template declares other parameters than a page template is given",
                    "a page template takes one parameter, the page's context typed by its record in plan/Page.java, "
                            + "e.g. "
                            + "'@param PageContext<Page.CityDetail> ctx' in pages/city.jte, then '!{var page = "
                            + "ctx.page();}' "
                            + "(README: Templates)");
        }
        Matcher kind;
        if ((m = RENDER.matcher(message)).find()
                && e.getCause() instanceof ClassCastException
                && (kind = WRONG_KIND.matcher(String.valueOf(cause))).find()) {
            return error(
                    m.group(1),
                    "1",
                    "template is written for Page." + kind.group(2) + " but renders Page." + kind.group(1) + " pages",
                    "declare '@param PageContext<Page." + kind.group(1) + "> ctx' (README: Templates)");
        }
        String rendered = (m = RENDER.matcher(message)).find() ? " " + m.group(1) : "";
        String failed = "template" + rendered + " failed" + (page == null ? "" : " on " + page) + ": "
                + (cause == null
                        ? (e.getCause() == null
                                ? message
                                : e.getCause().getClass().getSimpleName())
                        : cause);
        if ((m = ERROR_AT.matcher(message)).find()) {
            return error(m.group(1), m.group(2), failed, hint);
        }
        return new Diagnostic(SourcePos.file("templates"), Severity.ERROR, failed, hint);
    }

    private static Diagnostic error(String template, String line, String message, String hint) {
        return new Diagnostic(
                new SourcePos("templates/" + template, Integer.parseInt(line), 1), Severity.ERROR, message, hint);
    }
}
