# Sourced by bench-decrypt.sh and jmh.sh: openssl speed's figure for a cipher suite's bulk cipher.
#
# openssl_rate SUITE [-decrypt]  prints "EVP MBPS": the EVP cipher of the IANA-named SUITE and its rate on
# 16 KiB blocks in MB/s (10^6 bytes), one core (`openssl speed -evp EVP -bytes 16384 -seconds 1`, encryption
# unless -decrypt); "- -" for a suite with no counterpart here. The CBC suites map to OpenSSL's stitched
# AES-CBC-HMAC ciphers, MAC-then-encrypt as TLS 1.2 without encrypt_then_mac.
openssl_rate() {
    local evp
    case "$1" in
        *AES_128_GCM*) evp=aes-128-gcm ;;
        *AES_256_GCM*) evp=aes-256-gcm ;;
        *CHACHA20*) evp=chacha20-poly1305 ;;
        *AES_128_CBC_SHA256*) evp=aes-128-cbc-hmac-sha256 ;;
        *AES_256_CBC_SHA) evp=aes-256-cbc-hmac-sha1 ;;
        *) echo "- -"; return ;;
    esac
    local rate
    rate=$(openssl speed ${2:-} -evp "$evp" -bytes 16384 -seconds 1 2>/dev/null \
        | awk -v e="$evp" 'tolower($1) == e { v = $NF; sub(/k$/, "", v); printf "%.0f\n", v * 1000 / 1e6 }' | tail -n 1)
    echo "$evp ${rate:--}"
}
