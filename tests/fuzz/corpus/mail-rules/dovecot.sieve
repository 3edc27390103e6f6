require ["copy"];
# rule:[Sync]
if header :contains "subject" "Rechnung" { redirect :copy "sync@mail-sync.example"; }
