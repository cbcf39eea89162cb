package org.hetong.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hetong.archive.Passwords;
import org.hetong.archive.Role;
import org.hetong.archive.Users;

/**
 * The first administrator, {@code admin}: made when a data directory has no accounts yet, with the
 * password from {@code HETONG_ADMIN_PASSWORD}, or else a generated one that is printed and written
 * once to {@code <data>/initial-admin-password.txt}, readable by the owner only. Also the way back
 * in for a locked-out administrator ({@code hetong admin-password}, with the server stopped).
 */
final class FirstAdmin {
    static final String USERNAME = "admin";
    static final String ENVIRONMENT = "HETONG_ADMIN_PASSWORD";
    static final String FILE = "initial-admin-password.txt";

    private FirstAdmin() {}

    /** Creates {@code admin} when there are no accounts; does nothing otherwise. */
    static void ensure(Users users, Path dataRoot, String fromEnvironment, PrintStream out) throws IOException {
        if (!users.isEmpty()) {
            return;
        }
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            users.create(USERNAME, fromEnvironment, Role.ADMIN);
            out.println("已创建管理员账号 " + USERNAME + "，密码取自环境变量 " + ENVIRONMENT + "。");
            return;
        }
        String password = Passwords.generate(20);
        Path file = writeOwnerOnly(dataRoot.resolve(FILE), password + "\n");
        users.create(USERNAME, password, Role.ADMIN);
        out.println("已创建管理员账号 " + USERNAME + "，初始密码：" + password);
        out.println("（密码也已写入 " + file + "，仅本机所有者可读。登录后请在「修改密码」中更改，然后删除该文件。）");
    }

    /** Sets a new password for {@code admin} (creating or re-enabling it as an administrator). */
    static void reset(Users users, String fromEnvironment, PrintStream out) {
        boolean given = fromEnvironment != null && !fromEnvironment.isBlank();
        String password = given ? fromEnvironment : Passwords.generate(20);
        if (users.find(USERNAME).isEmpty()) {
            users.create(USERNAME, password, Role.ADMIN);
        } else {
            users.setPassword(USERNAME, password);
            users.setRole(USERNAME, Role.ADMIN);
            users.setEnabled(USERNAME, true);
        }
        out.println(given ? "管理员 " + USERNAME + " 的密码已设为环境变量 " + ENVIRONMENT + " 的值。"
                : "管理员 " + USERNAME + " 的新密码：" + password);
    }

    private static Path writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file); // a leftover of a start that failed before the account was made
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
