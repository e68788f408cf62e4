package org.vigil.core.store;

import java.util.List;

/** JSON strings and string arrays, escaped as RFC 8259 asks: enough for the zones column and `vigil events --json`. */
public final class JsonText {
    private JsonText() {
    }

    public static String string(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    public static String array(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(items.get(i)));
        }
        return out.append(']').toString();
    }

    /** Reads back what {@link #array} wrote. */
    public static List<String> parseArray(String json) {
        List<String> items = new java.util.ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                StringBuilder item = new StringBuilder();
                i++;
                while (json.charAt(i) != '"') {
                    char d = json.charAt(i++);
                    if (d == '\\') {
                        char e = json.charAt(i++);
                        switch (e) {
                            case 'n' -> item.append('\n');
                            case 'r' -> item.append('\r');
                            case 't' -> item.append('\t');
                            case 'u' -> {
                                item.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                                i += 4;
                            }
                            default -> item.append(e);
                        }
                    } else {
                        item.append(d);
                    }
                }
                items.add(item.toString());
            }
            i++;
        }
        return items;
    }
}
