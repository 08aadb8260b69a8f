#!/usr/bin/env bash
# DEVELOPMENT ONLY. Regenerates every key and certificate in certs-dev/.
# Nothing made here may be used outside a developer's machine or a test: the production
# profile refuses to start with any of it, wherever it is copied to (see security/ProductionGuard).
#
# Identities: a Dutch organisation is identified by its OIN (20 digits) in the certificate's
# subject serialNumber, as with PKIoverheid. The OINs below start with 00000099: made up.
set -euo pipefail
cd "$(dirname "$0")"

PASS=changeit-dev-only
DAYS=3650
SUBJ_O="/O=Signaalpoort DEV ONLY/C=NL"

rm -f ./*.crt ./*.key ./*.p12 ./*.csr ./*.srl ./*.ext

# --- the development CA, and a rogue CA that the gateway does not trust -----------------
for ca in ca rogue-ca; do
  name=$([ "$ca" = ca ] && echo "Signaalpoort DEV ONLY Root CA" || echo "Rogue DEV ONLY Root CA")
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days "$DAYS" \
    -keyout "$ca.key" -out "$ca.crt" -subj "/CN=$name$SUBJ_O" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
done

# issue NAME CA SUBJECT EXTFILE-LINES...
issue() {
  local name=$1 ca=$2 subj=$3; shift 3
  printf '%s\n' "$@" > "$name.ext"
  openssl req -newkey rsa:2048 -nodes -sha256 -keyout "$name.key" -out "$name.csr" -subj "$subj" 2>/dev/null
  openssl x509 -req -in "$name.csr" -CA "$ca.crt" -CAkey "$ca.key" -CAcreateserial -days "$DAYS" -sha256 \
    -extfile "$name.ext" -out "$name.crt" 2>/dev/null
  openssl pkcs12 -export -in "$name.crt" -inkey "$name.key" -certfile "$ca.crt" -name "$name" \
    -out "$name.p12" -passout "pass:$PASS"
  rm -f "$name.csr" "$name.ext"
}

# --- the gateway's own server certificate ------------------------------------------------
issue server ca "/CN=localhost/serialNumber=00000099000000000001$SUBJ_O" \
  "basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
  "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost,DNS:signaalpoort,IP:127.0.0.1"

client_ext=("basicConstraints=CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=clientAuth")

# --- the gateway's own client certificate (its OIN), for mutual TLS towards municipalities and partners
issue gateway-client ca "/CN=Signaalpoort Gateway DEV ONLY/serialNumber=00000099000000000001$SUBJ_O" "${client_ext[@]}"

# --- partners (see routes/partners.yaml) --------------------------------------------------
issue partner-energie ca "/CN=Demo Energie DEV ONLY/serialNumber=00000099000000000101$SUBJ_O" "${client_ext[@]}"
issue partner-zorg ca "/CN=Demo Zorgverzekeraar DEV ONLY/serialNumber=00000099000000000102$SUBJ_O" "${client_ext[@]}"
issue partner-water ca "/CN=Demo Water DEV ONLY/serialNumber=00000099000000000103$SUBJ_O" "${client_ext[@]}"
issue partner-wonen ca "/CN=Demo Woningcorporatie DEV ONLY/serialNumber=00000099000000000104$SUBJ_O" "${client_ext[@]}"

# --- municipalities (see routes/municipalities.yaml) -------------------------------------
issue gemeente-amsterdam ca "/CN=Gemeente Amsterdam DEV ONLY/serialNumber=00000099000000000363$SUBJ_O" "${client_ext[@]}"
issue gemeente-utrecht ca "/CN=Gemeente Utrecht DEV ONLY/serialNumber=00000099000000000344$SUBJ_O" "${client_ext[@]}"
# a shared-service team acting for several municipalities (organisations: in the registry)
issue team-walcheren ca "/CN=Orionis Walcheren DEV ONLY/serialNumber=00000099000000000700$SUBJ_O" "${client_ext[@]}"

# --- an operator of the gateway itself (routes: signaalpoort.operators.oins) -------------------
issue operator ca "/CN=Signaalpoort Operator DEV ONLY/serialNumber=00000099000000000002$SUBJ_O" "${client_ext[@]}"

# --- for negative tests: a trusted certificate with an unregistered OIN, and a certificate
# --- carrying a registered partner's OIN but issued by the rogue CA ----------------------
issue unknown-org ca "/CN=Unknown Organisation DEV ONLY/serialNumber=00000099000000000999$SUBJ_O" "${client_ext[@]}"
issue rogue-partner rogue-ca "/CN=Demo Energie DEV ONLY/serialNumber=00000099000000000101$SUBJ_O" "${client_ext[@]}"

# --- the gateway's SSH key, for pushing files to municipalities' SFTP servers ------------------
rm -f gateway-ssh gateway-ssh.pub
# RSA 3072: accepted by every SFTP server a municipality may run (ed25519 needs extra providers on some).
ssh-keygen -q -t rsa -b 3072 -N "" -C "signaalpoort gateway DEV ONLY" -f gateway-ssh

# --- partners' SSH keys for uploading to the gateway's SFTP server -----------------------------
# --- certificates the gateway must refuse although the CA is trusted (docs/security.md): a revoked
# --- one of Demo Energie (in the CA's CRL), one naming an OCSP responder nobody runs, one whose
# --- serialNumber is no OIN (19 digits), one with two serialNumbers ---------------------------
refusal_material() {
  issue partner-bad-oin ca "/CN=Demo Energie DEV ONLY/serialNumber=0000009900000000010$SUBJ_O" "${client_ext[@]}"
  issue partner-two-oins ca "/CN=Demo Energie DEV ONLY/serialNumber=00000099000000000101/serialNumber=00000099000000000102$SUBJ_O" \
    "${client_ext[@]}"
  issue partner-energie-revoked ca "/CN=Demo Energie DEV ONLY/serialNumber=00000099000000000101$SUBJ_O" "${client_ext[@]}"
  issue partner-energie-ocsp ca "/CN=Demo Energie DEV ONLY/serialNumber=00000099000000000101$SUBJ_O" "${client_ext[@]}" \
    "authorityInfoAccess=OCSP;URI:http://127.0.0.1:9/ocsp"
  local db
  db=$(mktemp -d)
  touch "$db/index.txt"
  echo 1000 > "$db/crlnumber"
  printf '[ca]\ndefault_ca=dev\n[dev]\ndatabase=%s/index.txt\ncrlnumber=%s/crlnumber\ndefault_md=sha256\n' "$db" "$db" > "$db/ca.cnf"
  openssl ca -config "$db/ca.cnf" -keyfile ca.key -cert ca.crt -revoke partner-energie-revoked.crt -crl_reason keyCompromise -batch 2>/dev/null
  openssl ca -config "$db/ca.cnf" -keyfile ca.key -cert ca.crt -gencrl -crldays "$DAYS" -out ca.crl -batch 2>/dev/null
  rm -rf "$db"
}
refusal_material

# partners upload batch files, a shared-service team outcome files, to the gateway's SFTP server
for p in partner-energie partner-zorg team-walcheren; do
  rm -f "$p-ssh" "$p-ssh.pub"
  ssh-keygen -q -t rsa -b 3072 -N "" -C "$p DEV ONLY" -f "$p-ssh"
done

# --- OpenPGP keys for batch files over SFTP (GnuPG): the gateway's decryption key (with the dev
# --- password), the partners' signing keys, a rogue key for negative tests, and the key Amsterdam
# --- receives its FILE and SFTP deliveries encrypted to ---------------------------------------
pgp_home=$(mktemp -d)
trap 'rm -rf "$pgp_home"' EXIT
for p in gateway partner-energie partner-zorg rogue gemeente-amsterdam; do
  gpg --homedir "$pgp_home" --batch --pinentry-mode loopback --passphrase "$([ "$p" = gateway ] && echo "$PASS")" \
    --quick-gen-key "Signaalpoort $p DEV ONLY <$p@dev.signaalpoort.invalid>" future-default default never 2>/dev/null
  gpg --homedir "$pgp_home" --batch --armor --export "$p@dev.signaalpoort.invalid" > "pgp-$p.pub.asc"
  gpg --homedir "$pgp_home" --batch --pinentry-mode loopback --passphrase "$([ "$p" = gateway ] && echo "$PASS")" \
    --armor --export-secret-keys "$p@dev.signaalpoort.invalid" > "pgp-$p.asc"
done

# --- the gateway's trust store: only the development CA ----------------------------------
keytool -importcert -noprompt -alias signaalpoort-dev-ca -file ca.crt \
  -keystore truststore.p12 -storetype PKCS12 -storepass "$PASS" >/dev/null 2>&1

# --- pseudonym keys (HMAC-SHA256, 256 bits): the active one and a retired one kept for look-ups
openssl rand -base64 32 > pseudonym-dev.key
openssl rand -base64 32 > pseudonym-dev-2025.key

# --- master key (AES-256) that wraps the per-signal data keys of personal data at rest --------
openssl rand -base64 32 > master-dev.key

rm -f ./*.srl rogue-ca.key
echo "certs-dev: regenerated (DEVELOPMENT ONLY, password: $PASS)"
