#!/usr/bin/env bash
# The main job, end to end, on a throwaway vault: init, add an operator, store an account and
# some transactions, back up to a "USB stick", reset the device, restore, verify.
# Real key-derivation costs (about half a second per unlock); nothing outside a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh build
echo "== building vaultcli" >&2
swift build -c release --static-swift-stdlib --product vaultcli >&2
VC="$PWD/.build/release/vaultcli"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/vaultcli-demo.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export VAULTCLI_VAULT="$WORK/terminal/vault"
unset VAULTCLI_USER
step() { printf '\n== %s\n' "$*"; }
secret() { umask 077; printf '%s\n' "$2" > "$WORK/$1"; echo "$WORK/$1"; }

OWNER_PW=$(secret owner.pw "$("$VC" genpass)")
CASHIER_TMP=$(secret cashier.tmp "$("$VC" genpass)")
CASHIER_PW=$(secret cashier.pw "$("$VC" genpass)")

step "init: a new vault for terminal SHOP17-T1, first admin 'owner'"
"$VC" init --admin owner --terminal-id SHOP17-T1 --password-file "$OWNER_PW"

step "keygen: an offline recovery key, kept by the owner, made a default backup recipient"
"$VC" keygen -o "$WORK/recovery-key.txt" --add-to-vault --user owner --password-file "$OWNER_PW"

step "user add: cashier 'lin' with a temporary password"
"$VC" user add lin --role cashier --phone 13812345678 --email lin@shop17.example.com \
    --user owner --password-file "$OWNER_PW" --new-password-file "$CASHIER_TMP"

step "first login: lin must change the temporary password"
"$VC" login --user lin --password-file "$CASHIER_TMP" || echo "(refused, as it should be: must change first)"
"$VC" user passwd --user lin --password-file "$CASHIER_TMP" --new-password-file "$CASHIER_PW"
"$VC" login --user lin --password-file "$CASHIER_PW"

step "account add: the merchant's payment-service login, under the admin key"
ACCT_SECRET=$(secret acct.secret "$("$VC" genpass)")
"$VC" account add --label unionpay-main --service "UnionPay merchant portal" --username shop17 \
    --phone 13912345678 --email owner@shop17.example.com --user owner --password-file "$OWNER_PW" --secret-file "$ACCT_SECRET"
"$VC" account list --user owner --password-file "$OWNER_PW"

step "transactions: lin starts a till session, rings up sales, imports the day's batch"
"$VC" unlock --user lin --password-file "$CASHIER_PW"
"$VC" tx add --amount 12.50 --card 622588******1234 --reference POS-0001
"$VC" tx add --amount 3.20 --kind refund --reference POS-0002
printf 'id,time,amount,currency,kind,card,reference,operator,terminal,status\n' > "$WORK/batch.csv"
for i in $(seq 1 200); do
    printf 'B-%04d,2026-11-22T%02d:%02d:00Z,%d.%02d,CNY,sale,622588******%04d,REF%04d,lin,SHOP17-T1,approved\n' \
        "$i" $((8 + i / 60)) $((i % 60)) $((i % 90 + 1)) $((i % 100)) $((1000 + i)) "$i" >> "$WORK/batch.csv"
done
"$VC" tx import "$WORK/batch.csv"
"$VC" tx import "$WORK/batch.csv"   # the same ids again: nothing is duplicated
"$VC" tx add --amount 10.00 --card 4111111111111111 || echo "(a full card number was refused, as it must be)"
"$VC" lock
"$VC" tx summary --user owner --password-file "$OWNER_PW"

step "backup: sealed to the recovery key, written to the USB stick, read back and checked"
mkdir -p "$WORK/usb"
"$VC" backup --to "$WORK/usb" --keep 7
"$VC" backup list "$WORK/usb"
BACKUP=$(ls "$WORK"/usb/vaultcli-*.age | tail -n 1)
"$VC" backup verify "$BACKUP" --identity "$WORK/recovery-key.txt"

step "device reset: the terminal's vault is gone"
rm -rf "$WORK/terminal"
"$VC" info && exit 1 || echo "(no vault, as expected)"

step "restore from the USB stick"
"$VC" restore "$BACKUP" --identity "$WORK/recovery-key.txt"

step "verify: every frame authenticated with the owner's keys; everyone logs in as before"
"$VC" verify --user owner --password-file "$OWNER_PW"
"$VC" login --user lin --password-file "$CASHIER_PW"
"$VC" user list --user owner --password-file "$OWNER_PW"
"$VC" account show unionpay-main --user owner --password-file "$OWNER_PW"
"$VC" tx list --user owner --password-file "$OWNER_PW" --limit 3
"$VC" tx summary --user owner --password-file "$OWNER_PW"
"$VC" audit verify --as owner --password-file "$OWNER_PW"
"$VC" audit list --as owner --password-file "$OWNER_PW" | tail -n 5
step "done: the vault was backed up, wiped and restored intact"
