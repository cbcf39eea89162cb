package org.hetong.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The command line: {@code <command> [--data DIR] [--port N] [--config DIR] [--samples DIR] [--to FILE] [PATH...]}.
 * Hand-written because it is this small; it refuses unknown options with the usage text.
 */
record Arguments(String command, Path data, int port, Path config, Path samples, Path to, List<Path> paths) {
    static final Set<String> COMMANDS = Set.of("serve", "ingest", "reindex", "verify", "ocr", "admin-password", "backup", "restore",
            "help");

    static Arguments parse(String[] args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("缺少命令。");
        }
        String command = args[0];
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        if (!COMMANDS.contains(command)) {
            throw new UsageException("未知命令「" + command + "」。");
        }
        Path data = Path.of("data");
        int port = 7070;
        Path config = null;
        Path samples = null;
        Path to = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--port" -> {
                    String v = value(args, ++i, arg);
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--port 需要一个端口号，实际为「" + v + "」。");
                    }
                    if (port < 0 || port > 65535) {
                        throw new UsageException("端口号应在 0 到 65535 之间，实际为 " + port + "。");
                    }
                }
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--samples" -> samples = Path.of(value(args, ++i, arg));
                case "--to" -> to = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> command = "help";
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("未知选项「" + arg + "」。");
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (command.equals("ingest") && paths.isEmpty()) {
            throw new UsageException("ingest 需要至少一个文件或文件夹。");
        }
        if (command.equals("restore") && paths.size() != 1) {
            throw new UsageException("restore 需要一个备份文件：hetong restore --data 空目录 备份.zip");
        }
        if (!command.equals("ingest") && !command.equals("restore") && !paths.isEmpty()) {
            throw new UsageException(command + " 不接受路径参数「" + paths.get(0) + "」。");
        }
        if (command.equals("backup") && to == null) {
            throw new UsageException("backup 需要 --to FILE：备份文件写到哪里（例如 --to /mnt/备份/hetong.zip）。");
        }
        if (!command.equals("backup") && to != null) {
            throw new UsageException("只有 backup 接受 --to。");
        }
        return new Arguments(command, data, port, config, samples, to, List.copyOf(paths));
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " 后面缺少值。");
        }
        return args[i];
    }

    static final String USAGE = """
            用法 (usage): hetong <命令> [选项]

              serve   [--data DIR] [--port 7070]   启动网页与 API；数据目录为空时先导入 sample-docs/ 演示档案
              ingest  [--data DIR] PATH...         导入文件、文件夹或 ZIP；全部成功退出码 0，有失败退出码 3
              reindex [--data DIR]                 从档案（原件与目录）重建检索索引
              verify  [--data DIR]                 检查目录、原件与索引是否一致
              ocr     [--data DIR]                 对等待 OCR 的扫描件重新识别（安装 Tesseract 之后）
              admin-password [--data DIR]          重设管理员 admin 的密码（取 HETONG_ADMIN_PASSWORD，否则生成并显示；需先停止服务器）
              backup  [--data DIR] --to FILE       备份目录、原件与索引到一个 ZIP 文件（服务器须已停止；运行时请用网页或 POST /api/admin/backups）
              restore [--data 空目录] FILE          把备份恢复到一个空目录（校验每个原件；索引不符时从目录重建）

            首次启动 serve 时创建管理员 admin：密码取环境变量 HETONG_ADMIN_PASSWORD，
            否则随机生成、显示一次并写入 <数据目录>/initial-admin-password.txt（仅所有者可读）。

            选项:
              --data DIR      数据目录，默认 ./data
              --config DIR    分析与条款分类配置目录，默认 ./index-config（不存在时用内置配置）
              --samples DIR   serve 首次启动时导入的演示档案，默认 ./sample-docs
            """;

    /** The command line cannot be understood; the message says what is wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
