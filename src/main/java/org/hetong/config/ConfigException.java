package org.hetong.config;

/** A configuration file that cannot be used; names the file, the line and the reason. Fails start-up. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String file, int line, String reason) {
        super("配置错误 " + file + (line > 0 ? " 第 " + line + " 行" : "") + ": " + reason);
    }
}
