/*
 * Macro droppers: a VBA project (an OLE2 file with a _VBA_PROJECT stream, as in
 * word/vbaProject.bin of a .docm or inside a .doc/.xls) whose code runs by itself
 * (AutoOpen, Document_Open, Workbook_Open...) and reaches out of the document: a
 * shell, a download, a script host. The identifiers of a VBA project are kept in
 * clear in its streams, so they can be read without decompressing the source.
 * Rules here are run by `riposte mail` on every attachment and every archive member.
 */
rule mail_macro_dropper
{
    meta:
        description = "VBA macro that runs on open and starts a program or downloads one"
        verdict = "malicious"
    strings:
        $ole = { D0 CF 11 E0 A1 B1 1A E1 }
        $vba = "_VBA_PROJECT" wide
        $auto1 = "AutoOpen" nocase ascii wide
        $auto2 = "Document_Open" nocase ascii wide
        $auto3 = "Workbook_Open" nocase ascii wide
        $auto4 = "Auto_Open" nocase ascii wide
        $auto5 = "AutoExec" nocase ascii wide
        $auto6 = "Document_Close" nocase ascii wide
        $act1 = "Shell" nocase ascii wide
        $act2 = "WScript.Shell" nocase ascii wide
        $act3 = "URLDownloadToFile" nocase ascii wide
        $act4 = "MSXML2.XMLHTTP" nocase ascii wide
        $act5 = "CreateObject" nocase ascii wide
        $act6 = "powershell" nocase ascii wide
        $act7 = "ADODB.Stream" nocase ascii wide
    condition:
        $ole at 0 and $vba and any of ($auto*) and any of ($act*)
}
