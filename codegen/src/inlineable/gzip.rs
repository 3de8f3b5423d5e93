//! gzip (RFC 1952) for operations with `@requestCompression`: the DEFLATE stream comes from
//! `miniz_oxide`, and the few bytes of framing and the CRC-32 around it are written here.

/// Bodies this size or larger are compressed; smaller ones are sent as they are, as the AWS
/// SDKs do by default (`request_min_compression_size_bytes`).
pub(crate) const MIN_COMPRESSION_SIZE: usize = 10_240;

/// DEFLATE level 6, zlib's default trade-off between time and size.
const LEVEL: u8 = 6;

/// `data` as a gzip member: header, DEFLATE stream, CRC-32 and length.
pub(crate) fn gzip(data: &[u8]) -> Vec<u8> {
    let deflated = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
    let mut out = Vec::with_capacity(deflated.len() + 18);
    // Magic, DEFLATE, no flags, no modification time, no extra flags, unknown OS: the same
    // bytes on every machine, so a request body is reproducible.
    out.extend_from_slice(&[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
    out.extend_from_slice(&deflated);
    out.extend_from_slice(&crc32(data).to_le_bytes());
    // ISIZE is the length modulo 2^32.
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 == 1 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

/// The CRC-32 gzip stores (ISO 3309, reflected, as in zlib's `crc32`).
fn crc32(data: &[u8]) -> u32 {
    !data
        .iter()
        .fold(!0u32, |crc, &byte| CRC_TABLE[((crc ^ u32::from(byte)) & 0xff) as usize] ^ (crc >> 8))
}

#[cfg(test)]
mod tests {
    use super::{crc32, gzip};

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn gzip_output_is_a_member_that_inflates_to_the_input() {
        let data = br#"{"data":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}"#.repeat(200);
        let member = gzip(&data);
        assert_eq!(&member[..10], &[0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);
        let (stream, trailer) = member[10..].split_at(member.len() - 18);
        assert_eq!(miniz_oxide::inflate::decompress_to_vec(stream).unwrap(), data);
        assert_eq!(trailer[..4], crc32(&data).to_le_bytes());
        assert_eq!(trailer[4..], (data.len() as u32).to_le_bytes());
        assert!(member.len() < data.len() / 10, "repetitive JSON compresses well");
    }
}
