package hub.ameen.platform.store;

import java.nio.ByteBuffer;

import org.lmdbjava.Txn;

/**
 * A read view of the store: everything read through it is one consistent snapshot. Valid
 * only inside the function it was handed to, on that thread.
 */
public class ReadTxn {

	final Txn<ByteBuffer> lmdb;

	ReadTxn(Txn<ByteBuffer> lmdb) {
		this.lmdb = lmdb;
	}

}
