package hub.ameen.platform.store;

import java.nio.file.Path;

/**
 * The child process of {@link CrashTests}: several threads write transactions of many
 * records each, forever, and print "ack writer txn" once each is durable.
 */
final class CrashWriter {

	private CrashWriter() {
	}

	/** Standard input closes when the test JVM dies: never outlive it. */
	private static void exitWhenTheParentIsGone() {
		Thread watchdog = new Thread(() -> {
			try {
				while (System.in.read() != -1) {
					// nothing is sent; wait for the end of the stream
				}
			}
			catch (java.io.IOException ex) {
				// the pipe broke: the parent is gone as well
			}
			Runtime.getRuntime().halt(1);
		}, "parent-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
	}

	static String key(int writer, int txn, int record) {
		return "w%d-t%06d-r%02d".formatted(writer, txn, record);
	}

	public static void main(String[] args) {
		exitWhenTheParentIsGone();
		Store store = Store.open(StoreOptions.at(Path.of(args[0])).withInitialMapSize(1024 * 1024));
		Collection<String, String> records = store.collection("records", Codec.utf8(), Codec.utf8());
		int writers = Integer.parseInt(args[1]);
		int perTxn = Integer.parseInt(args[2]);
		for (int w = 0; w < writers; w++) {
			int writer = w;
			Thread thread = new Thread(() -> {
				for (int t = 0;; t++) {
					int txnNumber = t;
					store.writeAndWait((txn) -> {
						for (int r = 0; r < perTxn; r++) {
							records.put(txn, key(writer, txnNumber, r), "x".repeat(200));
						}
						records.put(txn, "last-" + writer, String.valueOf(txnNumber));
						return null;
					});
					synchronized (System.out) {
						System.out.println("ack " + writer + " " + txnNumber);
						System.out.flush();
					}
				}
			});
			thread.start();
		}
	}

}
