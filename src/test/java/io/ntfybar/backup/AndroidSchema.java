package io.ntfybar.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data classes of ntfy's Android backup ({@code backup/Backuper.kt}: {@code BackupFile}, {@code Settings},
 * {@code Subscription}, {@code Notification}, {@code Action}, {@code Attachment}, {@code Icon}, {@code User},
 * {@code TrustedCertificateBackup}, {@code ClientCertificateBackup}) as a check of a JSON file: each field with the
 * JSON type Gson reads into its Kotlin type, and whether Kotlin declares it nullable ({@code ?}). Gson fills a
 * missing non-null field with null (or 0/false) without complaint and the app then fails later, so a file meant for
 * the app must carry every non-null field with the right type.
 */
final class AndroidSchema {
    enum Type {
        STRING,
        INT,
        LONG,
        BOOLEAN,
        STRING_MAP,
        STRING_LIST,
        OBJECT,
        ARRAY
    }

    /** One Kotlin property: its JSON name, type, nullability and, for objects and lists of objects, the class. */
    record Field(String name, Type type, boolean nullable, String of) {}

    private static Field f(String name, Type type) {
        return new Field(name, type, false, null);
    }

    private static Field opt(String name, Type type) {
        return new Field(name, type, true, null);
    }

    private static Field optOf(String name, Type type, String of) {
        return new Field(name, type, true, of);
    }

    static final Map<String, List<Field>> CLASSES = Map.of(
            "BackupFile",
            List.of(
                    f("magic", Type.STRING),
                    f("version", Type.INT),
                    optOf("settings", Type.OBJECT, "Settings"),
                    optOf("subscriptions", Type.ARRAY, "Subscription"),
                    optOf("notifications", Type.ARRAY, "Notification"),
                    optOf("users", Type.ARRAY, "User"),
                    optOf("trustedCertificates", Type.ARRAY, "TrustedCertificateBackup"),
                    optOf("clientCertificates", Type.ARRAY, "ClientCertificateBackup")),
            "Settings",
            List.of(
                    opt("minPriority", Type.INT),
                    opt("autoDownloadMaxSize", Type.LONG),
                    opt("autoDeleteSeconds", Type.LONG),
                    opt("darkMode", Type.INT),
                    opt("dynamicColors", Type.BOOLEAN),
                    opt("connectionProtocol", Type.STRING),
                    opt("broadcastEnabled", Type.BOOLEAN),
                    opt("recordLogs", Type.BOOLEAN),
                    opt("defaultBaseUrl", Type.STRING),
                    opt("mutedUntil", Type.LONG),
                    opt("lastSharedTopics", Type.STRING_LIST),
                    opt("connectionAlertSeconds", Type.LONG)),
            "Subscription",
            List.of(
                    f("id", Type.LONG),
                    f("baseUrl", Type.STRING),
                    f("topic", Type.STRING),
                    f("instant", Type.BOOLEAN),
                    f("dedicatedChannels", Type.BOOLEAN),
                    f("mutedUntil", Type.LONG),
                    opt("minPriority", Type.INT),
                    opt("autoDelete", Type.LONG),
                    opt("insistent", Type.INT),
                    opt("lastNotificationId", Type.STRING),
                    opt("icon", Type.STRING),
                    opt("upAppId", Type.STRING),
                    opt("upConnectorToken", Type.STRING),
                    opt("displayName", Type.STRING)),
            "Notification",
            List.of(
                    f("id", Type.STRING),
                    f("subscriptionId", Type.LONG),
                    f("timestamp", Type.LONG),
                    opt("sequence_id", Type.STRING),
                    f("title", Type.STRING),
                    f("message", Type.STRING),
                    f("contentType", Type.STRING),
                    f("encoding", Type.STRING),
                    f("priority", Type.INT),
                    f("tags", Type.STRING),
                    f("click", Type.STRING),
                    optOf("icon", Type.OBJECT, "Icon"),
                    optOf("actions", Type.ARRAY, "Action"),
                    optOf("attachment", Type.OBJECT, "Attachment"),
                    f("deleted", Type.BOOLEAN)),
            "Action",
            List.of(
                    f("id", Type.STRING),
                    f("action", Type.STRING),
                    f("label", Type.STRING),
                    opt("clear", Type.BOOLEAN),
                    opt("url", Type.STRING),
                    opt("method", Type.STRING),
                    opt("headers", Type.STRING_MAP),
                    opt("body", Type.STRING),
                    opt("intent", Type.STRING),
                    opt("extras", Type.STRING_MAP),
                    opt("value", Type.STRING),
                    opt("progress", Type.INT),
                    opt("error", Type.STRING)),
            "Attachment",
            List.of(
                    f("name", Type.STRING),
                    opt("type", Type.STRING),
                    opt("size", Type.LONG),
                    opt("expires", Type.LONG),
                    f("url", Type.STRING),
                    opt("contentUri", Type.STRING),
                    f("progress", Type.INT)),
            "Icon",
            List.of(opt("url", Type.STRING), opt("contentUri", Type.STRING)),
            "User",
            List.of(f("baseUrl", Type.STRING), f("username", Type.STRING), f("password", Type.STRING)),
            "TrustedCertificateBackup",
            List.of(f("baseUrl", Type.STRING), f("pem", Type.STRING)),
            "ClientCertificateBackup",
            List.of(f("baseUrl", Type.STRING), f("p12Base64", Type.STRING), f("password", Type.STRING)));

    private AndroidSchema() {}

    /**
     * Everything in {@code root} that the Android app would misread, as {@code $.path: problem} lines.
     *
     * @param everyField also require the nullable fields (as a value or an explicit null): what ntfybar's export
     *     promises, so that every field the importer reads is there
     */
    static List<String> violations(JsonNode root, boolean everyField) {
        List<String> out = new ArrayList<>();
        check("BackupFile", root, "$", everyField, out);
        return out;
    }

    private static void check(String cls, JsonNode node, String path, boolean everyField, List<String> out) {
        if (node == null || !node.isObject()) {
            out.add(path + ": a " + cls + " must be a JSON object");
            return;
        }
        for (Field field : CLASSES.get(cls)) {
            String at = path + "." + field.name();
            JsonNode v = node.get(field.name());
            if (v == null) {
                if (!field.nullable() || everyField) {
                    out.add(at + ": missing");
                }
                continue;
            }
            if (v.isNull()) {
                if (!field.nullable()) {
                    out.add(at + ": null, but Kotlin declares it non-null");
                }
                continue;
            }
            if (!fits(field.type(), v)) {
                out.add(at + ": " + v.getNodeType().name().toLowerCase() + " where Gson reads " + field.type());
                continue;
            }
            if (field.of() != null && field.type() == Type.OBJECT) {
                check(field.of(), v, at, everyField, out);
            } else if (field.of() != null) {
                for (int i = 0; i < v.size(); i++) {
                    check(field.of(), v.get(i), at + "[" + i + "]", everyField, out);
                }
            }
        }
    }

    private static boolean fits(Type type, JsonNode v) {
        return switch (type) {
            case STRING -> v.isTextual();
            case INT -> v.isIntegralNumber() && v.canConvertToInt();
            case LONG -> v.isIntegralNumber() && v.canConvertToLong();
            case BOOLEAN -> v.isBoolean();
            case OBJECT -> v.isObject();
            case ARRAY -> v.isArray();
            case STRING_LIST -> v.isArray() && allText(v);
            case STRING_MAP -> v.isObject() && allText(v);
        };
    }

    private static boolean allText(JsonNode v) {
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
