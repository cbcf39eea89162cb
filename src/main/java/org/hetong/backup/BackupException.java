package org.hetong.backup;

import java.io.IOException;

/**
 * A backup or restore refused or failed for a reason a person can act on (a busy or non-empty
 * directory, a damaged archive, a missing original); the message says which and what to do.
 */
public final class BackupException extends IOException {
    public BackupException(String message) {
        super(message);
    }
}
