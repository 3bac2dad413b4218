package io.ntfybar.testserver;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the test server on its own, for scripts that test a built package (packaging/linux/ci-package-test.sh and the
 * packages' class-data-sharing training run): {@code java -cp target/classes:target/test-classes:<jackson jars>
 * io.ntfybar.testserver.Main}. Prints its base URL (an ephemeral port on 127.0.0.1) as the first line on stdout and
 * serves until the process is stopped (SIGTERM or SIGINT).
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.err.println("usage: java -cp ... io.ntfybar.testserver.Main   (takes no arguments)");
            System.exit(2);
        }
        NtfyTestServer server = NtfyTestServer.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        System.out.println(server.baseUrl());
        System.out.flush();
        stopped.await();
    }
}
