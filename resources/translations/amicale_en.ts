<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>DuplicatesController</name>
    <message numerus="yes">
        <location filename="../../ui/controllers/duplicates.py" line="+468"/>
        <source>%n pair(s) from score %1 with no conflicting field:</source>
        <translation>
            <numerusform>%n pair from score %1 with no conflicting field:</numerusform>
            <numerusform>%n pairs from score %1 with no conflicting field:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n pair(s) merged; the others are left for you to review.</source>
        <translation>
            <numerusform>%n pair merged; the others are left for you to review.</numerusform>
            <numerusform>%n pairs merged; the others are left for you to review.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/duplicates.py" line="+422"/>
        <source>Merge these %n pair(s)</source>
        <translation>
            <numerusform>Merge %n pair</numerusform>
            <numerusform>Merge these %n pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/export_dialog.py" line="+108"/>
        <source>The selected members (%Ln)</source>
        <translation>
            <numerusform>The selected members (%Ln)</numerusform>
            <numerusform>The selected members (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>The current search (%Ln)</source>
        <translation>
            <numerusform>The current search (%Ln)</numerusform>
            <numerusform>The current search (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>All members (%Ln)</source>
        <translation>
            <numerusform>All members (%Ln)</numerusform>
            <numerusform>All members (%Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln member exported to %1</numerusform>
            <numerusform>%Ln members exported to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/import_dialog.py" line="+307"/>
        <source>%n value(s) differ from the directory and were kept as they were.</source>
        <translation>
            <numerusform>%n value differs from the directory and was kept as it was.</numerusform>
            <numerusform>%n values differ from the directory and were kept as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n warning(s): values not imported as they were are listed below and kept in the member&apos;s notes (“To fix”).</source>
        <translation>
            <numerusform>%n warning: a value not imported as it was is listed below and kept in the member&apos;s notes (“To fix”).</numerusform>
            <numerusform>%n warnings: values not imported as they were are listed below and kept in the member&apos;s notes (“To fix”).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="+258"/>
        <source>Synchronised: %1 received, %2 sent, %n new conflict(s)</source>
        <translation>
            <numerusform>Synchronised: %1 received, %2 sent, %n new conflict</numerusform>
            <numerusform>Synchronised: %1 received, %2 sent, %n new conflicts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+160"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln member exported to %1</numerusform>
            <numerusform>%Ln members exported to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <source>%n request(s) past their one-month deadline</source>
        <translation>
            <numerusform>%n request past its one-month deadline</numerusform>
            <numerusform>%n requests past their one-month deadline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <location line="+13"/>
        <source>%n birthday(s) today</source>
        <translation>
            <numerusform>%n birthday today</numerusform>
            <numerusform>%n birthdays today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>%n post(s) due now</source>
        <translation>
            <numerusform>%n post due now</numerusform>
            <numerusform>%n posts due now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n member(s) deleted. Ctrl+Z to undo.</source>
        <translation>
            <numerusform>%n member deleted. Ctrl+Z to undo.</numerusform>
            <numerusform>%n members deleted. Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Erased. %n backup(s) made before still hold them: Privacy → Backups.</source>
        <translation>
            <numerusform>Erased. %n backup made before still holds them: Privacy → Backups.</numerusform>
            <numerusform>Erased. %n backups made before still hold them: Privacy → Backups.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>Backup written to %1 (%Ln members).</source>
        <translation>
            <numerusform>Backup written to %1 (%Ln member).</numerusform>
            <numerusform>Backup written to %1 (%Ln members).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message numerus="yes">
        <location filename="../../ui/panels/member_card.py" line="+218"/>
        <source>%n members selected</source>
        <translation>
            <numerusform>%n member selected</numerusform>
            <numerusform>%n members selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/members.py" line="+484"/>
        <source>%1 of %Ln members</source>
        <translation>
            <numerusform>%1 of %Ln members</numerusform>
            <numerusform>%1 of %Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+148"/>
        <source>Delete %n member(s)? You can undo the last deletion (Ctrl+Z).</source>
        <translation>
            <numerusform>Delete %n member? You can undo the last deletion (Ctrl+Z).</numerusform>
            <numerusform>Delete %n members? You can undo the last deletion (Ctrl+Z).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>Tag %n selected member(s) with:</source>
        <translation>
            <numerusform>Tag %n selected member with:</numerusform>
            <numerusform>Tag %n selected members with:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Remove from %n selected member(s) the tag:</source>
        <translation>
            <numerusform>Remove from %n selected member the tag:</numerusform>
            <numerusform>Remove from %n selected members the tag:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Tag the %n member(s) of the current search with:</source>
        <translation>
            <numerusform>Tag the %n member of the current search with:</numerusform>
            <numerusform>Tag the %n members of the current search with:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n member(s) newly tagged with “%1”.</source>
        <translation>
            <numerusform>%n member newly tagged with “%1”.</numerusform>
            <numerusform>%n members newly tagged with “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) untagged from “%1”.</source>
        <translation>
            <numerusform>%n member untagged from “%1”.</numerusform>
            <numerusform>%n members untagged from “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+69"/>
        <source>%n email(s) match no member:</source>
        <translation>
            <numerusform>%n email matches no member:</numerusform>
            <numerusform>%n emails match no member:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModerationController</name>
    <message numerus="yes">
        <location filename="../../ui/controllers/moderation.py" line="+168"/>
        <source>%n item(s) to moderate</source>
        <translation>
            <numerusform>%n item to moderate</numerusform>
            <numerusform>%n items to moderate</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%1: %n decision(s) (%3)</source>
        <translation>
            <numerusform>%1: %n decision (%3)</numerusform>
            <numerusform>%1: %n decisions (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n automatic</source>
        <translation>
            <numerusform>%n automatic</numerusform>
            <numerusform>%n automatic</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+197"/>
        <source>%n known graduate(s) approved.</source>
        <translation>
            <numerusform>%n known graduate approved.</numerusform>
            <numerusform>%n known graduates approved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n bad row(s), nothing imported:</source>
        <translation>
            <numerusform>%n bad row, nothing imported:</numerusform>
            <numerusform>%n bad rows, nothing imported:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewsletterDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/newsletter_dialog.py" line="+272"/>
        <source>Send to %n member(s)</source>
        <translation>
            <numerusform>Send to %n member</numerusform>
            <numerusform>Send to %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>at most %n message(s) a minute</source>
        <translation>
            <numerusform>at most %n message a minute</numerusform>
            <numerusform>at most %n messages a minute</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n member(s) with an email address and the newsletter consent</source>
        <translation>
            <numerusform>%n member with an email address and the newsletter consent</numerusform>
            <numerusform>%n members with an email address and the newsletter consent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+178"/>
        <source>Newsletter sent to %n member(s).</source>
        <translation>
            <numerusform>Newsletter sent to %n member.</numerusform>
            <numerusform>Newsletter sent to %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n address(es) refused by the server.</source>
        <translation>
            <numerusform>%n address refused by the server.</numerusform>
            <numerusform>%n addresses refused by the server.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostsController</name>
    <message numerus="yes">
        <location filename="../../ui/controllers/posts.py" line="+189"/>
        <source>%n post(s) to publish now</source>
        <translation>
            <numerusform>%n post to publish now</numerusform>
            <numerusform>%n posts to publish now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Week of %1: %n post(s)</source>
        <translation>
            <numerusform>Week of %1: %n post</numerusform>
            <numerusform>Week of %1: %n posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>%n draft(s) prepared for the event.</source>
        <translation>
            <numerusform>%n draft prepared for the event.</numerusform>
            <numerusform>%n drafts prepared for the event.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/privacy.py" line="+289"/>
        <source>late by %n day(s)</source>
        <translation>
            <numerusform>late by %n day</numerusform>
            <numerusform>late by %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n open request(s)</source>
        <translation>
            <numerusform>%n open request</numerusform>
            <numerusform>%n open requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n late</source>
        <translation>
            <numerusform>%n late</numerusform>
            <numerusform>%n late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n member(s) proposed for erasure</source>
        <translation>
            <numerusform>%n member proposed for erasure</numerusform>
            <numerusform>%n members proposed for erasure</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Delete %n member(s) permanently?</source>
        <translation>
            <numerusform>Delete %n member permanently?</numerusform>
            <numerusform>Delete %n members permanently?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>%n member(s) erased.</source>
        <translation>
            <numerusform>%n member erased.</numerusform>
            <numerusform>%n members erased.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>%n backup(s) replaced with a clean copy.</source>
        <translation>
            <numerusform>%n backup replaced with a clean copy.</numerusform>
            <numerusform>%n backups replaced with a clean copy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../ui/sync_status.py" line="+75"/>
        <source>Offline — %n change(s) waiting</source>
        <translation>
            <numerusform>Offline — %n change waiting</numerusform>
            <numerusform>Offline — %n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n conflict(s) to resolve</source>
        <translation>
            <numerusform>%n conflict to resolve</numerusform>
            <numerusform>%n conflicts to resolve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Synchronised %n min ago</source>
        <translation>
            <numerusform>Synchronised %n minute ago</numerusform>
            <numerusform>Synchronised %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Synchronised %n hour(s) ago</source>
        <translation>
            <numerusform>Synchronised %n hour ago</numerusform>
            <numerusform>Synchronised %n hours ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message numerus="yes">
        <location filename="../../ui/dialogs/tag_rules.py" line="+265"/>
        <source>%n member(s) to tag</source>
        <translation>
            <numerusform>%n member to tag</numerusform>
            <numerusform>%n members to tag</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>%n member(s) would be newly tagged</source>
        <translation>
            <numerusform>%n member would be newly tagged</numerusform>
            <numerusform>%n members would be newly tagged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+72"/>
        <source>Rules applied: %n member(s) newly tagged.</source>
        <translation>
            <numerusform>Rules applied: %n member newly tagged.</numerusform>
            <numerusform>Rules applied: %n members newly tagged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/tags.py" line="+543"/>
        <source>Delete the tag “%1”? It will be removed from %n member(s); the members stay.</source>
        <translation>
            <numerusform>Delete the tag “%1”? It will be removed from %n member; the member stays.</numerusform>
            <numerusform>Delete the tag “%1”? It will be removed from %n members; the members stay.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+166"/>
        <source>%n member(s) newly tagged with “%1”.</source>
        <translation>
            <numerusform>%n member newly tagged with “%1”.</numerusform>
            <numerusform>%n members newly tagged with “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) untagged from “%1”.</source>
        <translation>
            <numerusform>%n member untagged from “%1”.</numerusform>
            <numerusform>%n members untagged from “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n member(s) tagged.</source>
        <translation>
            <numerusform>%n member tagged.</numerusform>
            <numerusform>%n members tagged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n email(s) match no member:</source>
        <translation>
            <numerusform>%n email matches no member:</numerusform>
            <numerusform>%n emails match no member:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message numerus="yes">
        <location filename="../../ui/panels/today.py" line="+706"/>
        <source>Copy %n message(s)</source>
        <translation>
            <numerusform>Copy %n message</numerusform>
            <numerusform>Copy %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Mark %n as done</source>
        <translation>
            <numerusform>Mark %n as done</numerusform>
            <numerusform>Mark %n as done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n message(s) copied, each after its person&apos;s name.</source>
        <translation>
            <numerusform>%n message copied, each after its person&apos;s name.</numerusform>
            <numerusform>%n messages copied, each after its person&apos;s name.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n wish(es) recorded (%1).</source>
        <translation>
            <numerusform>%n wish recorded (%1).</numerusform>
            <numerusform>%n wishes recorded (%1).</numerusform>
        </translation>
    </message>
</context>
</TS>
