package io.ntfybar.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did: how many subscriptions, messages, logins, certificates and settings it brought in, what it
 * skipped and why, and notes on what ntfybar does differently. Built by the importer on one thread, then read-only.
 */
public final class ImportReport {
    private final String source;
    private int subscriptions;
    private int messages;
    private int logins;
    private int certificates;
    private int settings;
    private final List<String> skipped = new ArrayList<>();
    private final Map<String, Integer> skippedMessages = new LinkedHashMap<>();
    private final Map<String, Integer> partialMessages = new LinkedHashMap<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private final Set<String> loginServers = new LinkedHashSet<>();

    ImportReport(String source) {
        this.source = source;
    }

    /** What was read: "an ntfy Android backup" or "ntfy's client.yml". */
    public String source() {
        return source;
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

    public int settings() {
        return settings;
    }

    /** One sentence per thing not imported, with the reason; messages are counted per reason. */
    public List<String> skipped() {
        List<String> out = new ArrayList<>(skipped);
        skippedMessages.forEach((why, n) -> out.add(Counts.of(n, "message", "messages") + ": " + why));
        return Collections.unmodifiableList(out);
    }

    /** Sentences on what ntfybar does differently, and on parts of imported messages that were left out. */
    public List<String> notes() {
        List<String> out = new ArrayList<>(notes);
        partialMessages.forEach((why, n) -> out.add(Counts.of(n, "message", "messages") + ": " + why + "."));
        return Collections.unmodifiableList(out);
    }

    /** Servers whose login or certificates changed: their connections must start again. */
    public Set<String> changedServers() {
        return Collections.unmodifiableSet(loginServers);
    }

    /** Whether subscriptions or messages were added: the app re-reads its subscriptions then. */
    public boolean storeChanged() {
        return subscriptions > 0 || messages > 0;
    }

    /** The whole report as the user reads it: one summary line, then what was skipped, then notes. */
    public String text() {
        StringBuilder sb = new StringBuilder("Imported from ")
                .append(source)
                .append(": ")
                .append(Counts.list(List.of(
                        Counts.of(subscriptions, "subscription", "subscriptions"),
                        Counts.of(messages, "message", "messages"),
                        Counts.of(logins, "login", "logins"),
                        Counts.of(certificates, "certificate", "certificates"),
                        Counts.of(settings, "setting", "settings"))))
                .append('.');
        Counts.bullets(sb, "Skipped:", skipped());
        Counts.bullets(sb, "Notes:", notes());
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

    void addLogin(String server) {
        logins++;
        loginServers.add(server);
    }

    void addCertificate(String server) {
        certificates++;
        loginServers.add(server);
    }

    void addSettings(int n) {
        settings += n;
    }

    void skip(String what, String why) {
        skipped.add(what + ": " + why);
    }

    void skipMessages(String why, int n) {
        if (n > 0) {
            skippedMessages.merge(why, n, Integer::sum);
        }
    }

    void partialMessages(String what, int n) {
        partialMessages.merge(what, n, Integer::sum);
    }

    void note(String sentence) {
        notes.add(sentence);
    }
}
