package io.ntfybar.backup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an export wrote, what it left out and why. Built by the exporter on one thread, then read-only. */
public final class ExportReport {
    /** Said whenever a file holds secrets: once in the report, and by the UI next to its checkbox. */
    public static final String CLEAR_TEXT_WARNING = "The file holds the passwords in clear text: anyone who can read it"
            + " can log in as you. Keep it private and delete it once restored.";

    private final Path file;
    private final boolean passwords;
    private int subscriptions;
    private int messages;
    private int logins;
    private int certificates;
    private final List<String> skipped = new ArrayList<>();

    ExportReport(Path file, boolean passwords) {
        this.file = file;
        this.passwords = passwords;
    }

    public Path file() {
        return file;
    }

    /** Whether the file holds passwords (the user asked for them). */
    public boolean passwordsIncluded() {
        return passwords;
    }

    public int subscriptions() {
        return subscriptions;
    }

    public int messages() {
        return messages;
    }

    public int logins() {
        return logins;
    }

    public int certificates() {
        return certificates;
    }

    public List<String> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    public String text() {
        StringBuilder sb = new StringBuilder("Exported ")
                .append(Counts.list(List.of(
                        Counts.of(subscriptions, "subscription", "subscriptions"),
                        Counts.of(messages, "message", "messages"),
                        Counts.of(logins, "login", "logins") + (passwords ? " with passwords" : " without passwords"),
                        Counts.of(certificates, "certificate", "certificates"))))
                .append(" to ")
                .append(file)
                .append('.');
        Counts.bullets(sb, "Left out:", skipped);
        if (passwords) {
            sb.append('\n').append(CLEAR_TEXT_WARNING);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    void addSubscription() {
        subscriptions++;
    }

    void addMessages(int n) {
        messages += n;
    }

    void addLogin() {
        logins++;
    }

    void addCertificate() {
        certificates++;
    }

    void skip(String what, String why) {
        skipped.add(what + ": " + why);
    }
}
