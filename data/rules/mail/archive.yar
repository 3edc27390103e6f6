/*
 * What travels in archives: an executable or a script in a zip (its name is in the
 * local header in clear), and names with a document extension followed by an
 * executable one ("Rechnung.pdf.exe"). They make a message suspicious, not malicious:
 * software vendors send executables in zips too.
 */
rule mail_exec_in_archive
{
    meta:
        description = "a zip holding an executable or a script Windows runs on a click"
        verdict = "suspicious"
    strings:
        $name = /PK\x03\x04[\x00-\xff]{26}[^\x00\/]{0,200}\.(exe|scr|com|pif|bat|cmd|js|jse|vbs|vbe|wsf|hta|lnk|ps1|msi|cpl|iso|img)[^a-z0-9_.\-]/ nocase
    condition:
        uint32(0) == 0x04034b50 and $name
}

rule mail_double_extension
{
    meta:
        description = "an archive member named with a document extension and an executable one"
        verdict = "suspicious"
    strings:
        $name = /PK\x03\x04[\x00-\xff]{26}[^\x00\/]{0,200}\.(pdf|docx?|xlsx?|jpe?g|png|txt|rtf)\x20*\.(exe|scr|com|pif|bat|cmd|js|vbs|hta|lnk)[^a-z0-9_.\-]/ nocase
    condition:
        uint32(0) == 0x04034b50 and $name
}
