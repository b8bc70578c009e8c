//! Fuzz target: the database readers on arbitrary bytes, as the widget meets a corrupt or
//! foreign file. The input is also read behind a valid header and sealed with a matching
//! checksum, so the fuzzer reaches the decoder, the index and `validate` instead of stopping
//! at the magic bytes or the checksum.
#![no_main]

use crosscheck::model::{bin_checksum, LazyVerdicts};
use crosscheck::Database;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut sealed = b"XCDB".to_vec();
    sealed.extend_from_slice(&crosscheck::BIN_VERSION.to_le_bytes());
    sealed.extend_from_slice(data);
    let sum = bin_checksum(&sealed);
    sealed.extend_from_slice(&sum.to_le_bytes());
    for bytes in [data, &sealed[..]] {
        let whole = Database::from_bin(bytes);
        if let Ok(db) = &whole {
            assert!(db.validate().is_ok());
            let _ = db.to_json();
        }
        // The widget's lazy reader: what the whole reading accepts it reads, every sentence's
        // verdicts included; what it refuses, it refuses or gives a sentence an error; and no
        // verdict it gives fails `validate`.
        let Ok((head, file)) = LazyVerdicts::read(bytes.to_vec()) else {
            assert!(whole.is_err());
            continue;
        };
        let (mut given, mut failed) = (Vec::new(), false);
        for (_, read) in file.sentences(&head) {
            match read {
                Ok(v) => given.extend(v),
                Err(_) => failed = true,
            }
        }
        assert_eq!(whole.is_err(), failed);
        let given = Database {
            verdicts: given,
            ..head
        };
        assert!(given.validate().is_ok());
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Database::from_json(text);
    }
});
