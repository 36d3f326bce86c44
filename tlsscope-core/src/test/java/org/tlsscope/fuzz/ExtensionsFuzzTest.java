package org.tlsscope.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.tlsscope.bytes.DecodeException;
import org.tlsscope.bytes.FieldReader;
import org.tlsscope.bytes.Slice;
import org.tlsscope.tls.ext.ExtensionsReader;

/** The extensions block of any message that carries one: a list of extensions or a decode error. */
class ExtensionsFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyExtensionsBlock(FuzzedDataProvider data) {
        int type = data.pickValue(new int[] {1, 2, 4, 8, 11, 13});
        boolean hrr = data.consumeBoolean();
        Slice block = Slice.of(data.consumeRemainingAsBytes());
        try {
            ExtensionsReader.read(new FieldReader(block, 0), type, hrr);
        } catch (DecodeException malformed) {
            // the documented outcome for a block whose framing is broken
        }
    }
}
