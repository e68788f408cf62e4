package org.vigil.core.retention;

/** A file retention removes, and the budget that removes it (what its row then says). */
public record Deletion(StoredFile file, String reason) {
}
