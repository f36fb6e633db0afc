<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AddItemsDialog</name>
    <message>
        <location filename="../../ui/dialogs/moderation_add.py" line="+37"/>
        <source>Add to the moderation queue</source>
        <translation>Ajouter à la file de modération</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new name creates the community</source>
        <translation>Un nouveau nom crée la communauté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join request</source>
        <translation>Demande d&apos;adhésion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not given</source>
        <translation>non indiquée</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile address</source>
        <translation>Adresse du profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class year</source>
        <translation>Promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School</source>
        <translation>École</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text or answers</source>
        <translation>Texte ou réponses</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Jeanne Martin — promo 2005 — jeanne@example.org</source>
        <translation>Jeanne Martin — promo 2005 — jeanne@example.org</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One join request per line: name, class year, email.</source>
        <translation>Une demande d&apos;adhésion par ligne&#xa0;: nom, promo, courriel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>One item</source>
        <translation>Un élément</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste lines</source>
        <translation>Coller des lignes</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>class of %1</source>
        <translation>promo %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Give at least a name or an email.</source>
        <translation>Indiquez au moins un nom ou un courriel.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking against the directory…</source>
        <translation>Vérification dans l’annuaire…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The items could not be added: %1</source>
        <translation>Les éléments n’ont pas pu être ajoutés&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>BirthdayListModel</name>
    <message>
        <location filename="../../ui/panels/today.py" line="+106"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>age %1</source>
        <translation>%1 ans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>class of %1</source>
        <translation>promo %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>wished via %1 at %2</source>
        <translation>vœux envoyés via %1 à %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no contact details</source>
        <translation>aucun moyen de contact</translation>
    </message>
</context>
<context>
    <name>BoardReport</name>
    <message>
        <location filename="../../app/report/rows.py" line="+18"/>
        <source>Members at the end of the period</source>
        <translation>Membres à la fin de la période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New members</source>
        <translation>Nouveaux membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost-touch members found again</source>
        <translation>Anciens perdus de vue retrouvés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dues paid for the period&apos;s year</source>
        <translation>Cotisations payées pour l&apos;année de la période</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payments recorded after a newsletter (associated)</source>
        <translation>Paiements enregistrés après une lettre d&apos;information (associés)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Payments recorded after joining a community (associated)</source>
        <translation>Paiements enregistrés après l&apos;entrée dans une communauté (associés)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posts published</source>
        <translation>Publications parues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderation requests received</source>
        <translation>Demandes de modération reçues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests approved</source>
        <translation>Demandes acceptées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests rejected</source>
        <translation>Demandes refusées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Median time to a decision (hours)</source>
        <translation>Délai médian de décision (heures)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests with spam or selling signals</source>
        <translation>Demandes signalées comme spam ou démarchage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdays wished</source>
        <translation>Anniversaires souhaités</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthdays in the period</source>
        <translation>Anniversaires de la période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletters sent</source>
        <translation>Lettres d&apos;information envoyées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletter recipients reached</source>
        <translation>Destinataires atteints par les lettres</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Addresses refused by the mail server</source>
        <translation>Adresses refusées par le serveur de courriel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Payments after a newsletter or a community are in date order only: they are associated with it, which does not show that one caused the other.</source>
        <translation>Les paiements après une lettre d&apos;information ou une communauté ne suivent que l&apos;ordre des dates : ils y sont associés, ce qui ne montre pas que l&apos;un a causé l&apos;autre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members found again and payments count the changes recorded in Amicale since this version; the directory keeps only each member&apos;s last year paid.</source>
        <translation>Les anciens retrouvés et les paiements comptent les changements enregistrés dans Amicale depuis cette version ; l&apos;annuaire ne garde que la dernière année payée de chaque membre.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Verified, email and consent figures describe the directory today.</source>
        <translation>Les chiffres des diplômes vérifiés, des courriels et des consentements décrivent l&apos;annuaire aujourd&apos;hui.</translation>
    </message>
    <message>
        <location filename="../../app/report/xlsx.py" line="+20"/>
        <source>Figures</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figure</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} to {1}</source>
        <translation>du {0} au {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class years</source>
        <translation>Promotions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class year</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regions</source>
        <translation>Régions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Others or not given</source>
        <translation>Autres ou non renseigné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Joins approved</source>
        <translation>Adhésions acceptées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requests received</source>
        <translation>Demandes reçues</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Acceptées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Refusées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts by week</source>
        <translation>Publications par semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week of</source>
        <translation>Semaine du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The directory today</source>
        <translation>L&apos;annuaire aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members in the directory</source>
        <translation>Membres dans l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified graduates</source>
        <translation>Diplômes vérifiés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With an email address</source>
        <translation>Avec une adresse électronique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With consent to be contacted</source>
        <translation>Ayant consenti à être contactés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost touch</source>
        <translation>Perdus de vue</translation>
    </message>
</context>
<context>
    <name>BoardReportPdf</name>
    <message>
        <location filename="../../ui/report_pdf.py" line="+50"/>
        <source>Our association</source>
        <translation>Notre association</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <source>Board report</source>
        <translation>Bilan pour le bureau</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>compared with %1</source>
        <translation>comparé à la période %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This period</source>
        <translation>Cette période</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous period</source>
        <translation>Période précédente</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The directory today</source>
        <translation>L&apos;annuaire aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../ui/panels/dashboard.py" line="+58"/>
        <source>%1 members; %2 verified graduates; %3 with an email address; %4 with consent to be contacted; %5 lost touch.</source>
        <translation>%1 membres ; %2 diplômes vérifiés ; %3 avec une adresse électronique ; %4 ayant consenti à être contactés ; %5 perdus de vue.</translation>
    </message>
    <message>
        <location filename="../../ui/report_pdf.py" line="+36"/>
        <source>New members by month</source>
        <translation>Nouveaux membres par mois</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New members by week</source>
        <translation>Nouveaux membres par semaine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members by class year</source>
        <translation>Membres par promotion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members by region</source>
        <translation>Membres par région</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members per community</source>
        <translation>Membres par communauté</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Posts published per channel</source>
        <translation>Publications parues par canal</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moderation requests per community</source>
        <translation>Demandes de modération par communauté</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Nothing in this period.</source>
        <translation>Rien sur cette période.</translation>
    </message>
</context>
<context>
    <name>ChannelTab</name>
    <message>
        <location filename="../../ui/dialogs/post_editor.py" line="+80"/>
        <source>Own text for this channel</source>
        <translation>Texte propre à ce canal</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
</context>
<context>
    <name>ChannelsDialog</name>
    <message>
        <location filename="../../ui/dialogs/channels_dialog.py" line="+53"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of page</source>
        <translation>Type de page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly slots</source>
        <translation>Créneaux hebdomadaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max per week</source>
        <translation>Max. par semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max silence (days)</source>
        <translation>Silence max. (jours)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Add channel</source>
        <translation>Ajouter un canal</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Slots: a day and a time, separated by commas, e.g. “%1 09:00, %2 18:30”.</source>
        <translation>Créneaux&#xa0;: un jour et une heure, séparés par des virgules, par exemple «&#xa0;%1 09:00, %2 18:30&#xa0;».</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+13"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>page</source>
        <translation>page</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>group</source>
        <translation>groupe</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Row %1: not a colour: %2</source>
        <translation>Ligne %1&#xa0;: couleur invalide&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/dialogs/consent_dialog.py" line="+43"/>
        <source>Consent of %1</source>
        <translation>Consentement de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record each answer as the person gave it, with the words they were shown. Directory and invitations rest on the association&apos;s legitimate interest: only an objection leaves someone out. Newsletter and sharing need a consent.</source>
        <translation>Enregistrez chaque réponse telle que la personne l’a donnée, avec les mots qui lui ont été présentés. L’annuaire et les invitations reposent sur l’intérêt légitime de l’association&#xa0;: seule une opposition en écarte quelqu’un. La lettre d’information et le partage demandent un consentement.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Never asked</source>
        <translation>Jamais demandé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused or withdrawn</source>
        <translation>Refusé ou retiré</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wording shown</source>
        <translation>Texte présenté</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recorded on %1, source: %2</source>
        <translation>Enregistré le %1, source&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Source of the new answers</source>
        <translation>Source des nouvelles réponses</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <location filename="../../ui/panels/dashboard.py" line="+17"/>
        <source>%1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>This year</source>
        <translation>Cette année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year</source>
        <translation>L&apos;an dernier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 12 months</source>
        <translation>Les 12 derniers mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last 3 months</source>
        <translation>Les 3 derniers mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This month</source>
        <translation>Ce mois-ci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates of my choice</source>
        <translation>Dates de mon choix</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Board report…</source>
        <translation>Bilan pour le bureau…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Period:</source>
        <translation>Période :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The figures could not be read: %1</source>
        <translation>Les chiffres n&apos;ont pas pu être lus : %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Compared with %1</source>
        <translation>Comparé à la période %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>members at the end</source>
        <translation>membres en fin de période</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>new</source>
        <translation>nouveaux</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>lost touch, found again</source>
        <translation>perdus de vue, retrouvés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Members whose status went from lost touch to member in the period</source>
        <translation>Membres passés de « perdu de vue » à « membre » pendant la période</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dues paid for %1</source>
        <translation>cotisations payées pour %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 payments recorded in the period: %2 after a newsletter, %3 after joining a community (associated, not a proof of cause)</source>
        <translation>%1 paiements enregistrés sur la période : %2 après une lettre d&apos;information, %3 après l&apos;entrée dans une communauté (associés, ce n&apos;est pas la preuve d&apos;une cause)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>posts published</source>
        <translation>publications parues</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>requests decided (of %1)</source>
        <translation>demandes tranchées (sur %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Median time to a decision: %1 hours</source>
        <translation>Délai médian de décision : %1 heures</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 approved, %2 rejected; %3 received with spam or selling signals</source>
        <translation>%1 approuvées, %2 refusées&#xa0;; %3 reçues avec des signaux de spam ou de démarchage</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>birthdays wished (of %1)</source>
        <translation>anniversaires souhaités (sur %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>newsletters sent</source>
        <translation>lettres d&apos;information envoyées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 recipients reached, %2 addresses refused</source>
        <translation>%1 destinataires atteints, %2 adresses refusées</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In no community: %1 · in one: %2 · in two: %3 · in three or more: %4.</source>
        <translation>Dans aucune communauté : %1 · dans une : %2 · dans deux : %3 · dans trois ou plus : %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Most shared: %1 and %2 (%3 members in both).</source>
        <translation>Le plus de membres en commun : %1 et %2 (%3 membres dans les deux).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 vs previous period</source>
        <translation>%1 par rapport à la période précédente</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New members by month</source>
        <translation>Nouveaux membres par mois</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New members by week</source>
        <translation>Nouveaux membres par semaine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 new (previous period: %3)</source>
        <translation>%1 : %2 nouveaux (période précédente : %3)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Members by class year</source>
        <translation>Membres par promotion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members by region</source>
        <translation>Membres par région</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members per community</source>
        <translation>Membres par communauté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 members, %3 joins approved in the period</source>
        <translation>%1 : %2 membres, %3 adhésions acceptées sur la période</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Posts published per channel</source>
        <translation>Publications parues par canal</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2 posts; %3 weeks without a post, %4 above the cadence set</source>
        <translation>%1 : %2 publications ; %3 semaines sans publication, %4 au-dessus du rythme fixé</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Moderation requests per community</source>
        <translation>Demandes de modération par communauté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2 received, %3 approved, %4 rejected</source>
        <translation>%1 : %2 reçues, %3 acceptées, %4 refusées</translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <location filename="../../ui/models/posts.py" line="+166"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <location filename="../../ui/models/duplicate_pairs.py" line="+37"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Same email</source>
        <translation>Même e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same LinkedIn profile</source>
        <translation>Même profil LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same name and phone</source>
        <translation>Même nom et même téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same name and class year</source>
        <translation>Même nom et même promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First and last name swapped</source>
        <translation>Prénom et nom inversés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Similar name, same class year</source>
        <translation>Nom proche, même promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import: same name and class year</source>
        <translation>Import&#xa0;: même nom et même promo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import: other values for a member</source>
        <translation>Import&#xa0;: autres valeurs pour un membre</translation>
    </message>
</context>
<context>
    <name>DuplicatesController</name>
    <message>
        <location filename="../../ui/controllers/duplicates.py" line="+218"/>
        <source>Pairs to review: %1.</source>
        <translation>Paires à examiner&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 — name likeness %2</source>
        <translation>%1 — ressemblance des noms %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — score %2, lowered: different %3</source>
        <translation>%1 — score %2, abaissé (valeurs différentes&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an import</source>
        <translation>un import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (from %2, line %3)</source>
        <translation>%1 (de %2, ligne %3)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1, class of %2</source>
        <translation>%1, promo %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>That pair no longer exists; it was removed.</source>
        <translation>Cette paire n’existe plus&#xa0;; elle a été retirée.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Noted: they are different people; this pair will not come back.</source>
        <translation>C’est noté&#xa0;: ce sont deux personnes différentes&#xa0;; cette paire ne reviendra pas.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 created as a new member.</source>
        <translation>%1 ajouté comme nouveau membre.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The imported row was discarded.</source>
        <translation>La ligne importée a été abandonnée.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Merged.</source>
        <translation>Fusionné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filled in: %1.</source>
        <translation>Complété&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported values taken: %1.</source>
        <translation>Valeurs importées retenues&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kept as they were: %1 (the other values are in the log).</source>
        <translation>Conservé tel quel&#xa0;: %1 (les autres valeurs sont dans l’historique).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tags and communities added: %1.</source>
        <translation>Étiquettes et communautés ajoutées&#xa0;: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n pair(s) from score %1 with no conflicting field:</source>
        <translation>
            <numerusform>%n paire à partir du score %1 sans champ en conflit :</numerusform>
            <numerusform>%n paires à partir du score %1 sans champ en conflit :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… et %n autre</numerusform>
            <numerusform>… et %n autres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merging…</source>
        <translation>Fusion en cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n pair(s) merged; the others are left for you to review.</source>
        <translation>
            <numerusform>%n paire fusionnée&#xa0;; les autres restent à examiner.</numerusform>
            <numerusform>%n paires fusionnées&#xa0;; les autres restent à examiner.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Scanning the directory…</source>
        <translation>Analyse de l’annuaire…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Scan finished in %1 s. Pairs found: %2.</source>
        <translation>Analyse terminée en %1&#xa0;s. Paires trouvées&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scan cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The scan failed: %1</source>
        <translation>L’analyse a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../ui/panels/duplicates.py" line="+93"/>
        <source>Scan the whole directory</source>
        <translation>Analyser tout l’annuaire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look for members who may be the same person: same email, same LinkedIn profile, same name and class year or phone, or a name one typo apart.</source>
        <translation>Chercher les membres qui pourraient être la même personne&#xa0;: même e-mail, même profil LinkedIn, même nom et même promo ou même téléphone, ou un nom à une faute de frappe près.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Amber: both members have a different value; a merge keeps the one of the member merged into. Green: a merge fills it in or combines the lists. Tags, communities and history are always kept.</source>
        <translation>Orange&#xa0;: les deux membres ont une valeur différente&#xa0;; la fusion garde celle du membre conservé. Vert&#xa0;: la fusion complète le champ ou réunit les listes. Les étiquettes, les communautés et l’historique sont toujours conservés.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Merge into left</source>
        <translation>Fusionner à gauche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the left member, fill its empty fields and add the tags and communities of the right one, then delete the right one</source>
        <translation>Garder le membre de gauche, compléter ses champs vides et lui ajouter les étiquettes et communautés de celui de droite, puis supprimer celui de droite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge into right</source>
        <translation>Fusionner à droite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the right member, fill its empty fields and add the tags and communities of the left one, then delete the left one</source>
        <translation>Garder le membre de droite, compléter ses champs vides et lui ajouter les étiquettes et communautés de celui de gauche, puis supprimer celui de gauche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not the same person</source>
        <translation>Pas la même personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep both members; this pair will not be proposed again</source>
        <translation>Garder les deux membres&#xa0;; cette paire ne sera plus proposée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add to this member</source>
        <translation>Ajouter à ce membre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the member&apos;s empty fields and add the tags from the imported row; values the member already has are kept, unless you chose to take the imported one</source>
        <translation>Compléter les champs vides du membre et ajouter les étiquettes de la ligne importée&#xa0;; les valeurs déjà présentes sont conservées, sauf celles pour lesquelles vous avez choisi la valeur importée</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create as new member</source>
        <translation>Créer un nouveau membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The imported row is someone else: create it as a new member</source>
        <translation>La ligne importée est une autre personne&#xa0;: en faire un nouveau membre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discard</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the imported row; the member is left as it is</source>
        <translation>Abandonner la ligne importée&#xa0;; le membre reste tel quel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave this pair for later and show the next one (Down in the list too)</source>
        <translation>Garder cette paire pour plus tard et afficher la suivante (aussi avec Bas dans la liste)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No duplicates to review. Imports put the rows they were unsure about here; scan the whole directory to look for more.</source>
        <translation>Aucun doublon à examiner. Les imports placent ici les lignes dont ils ne sont pas sûrs&#xa0;; analysez tout l’annuaire pour en chercher d’autres.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Keep</source>
        <translation>Garder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the member&apos;s value</source>
        <translation>Garder la valeur du membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the imported value</source>
        <translation>Prendre la valeur importée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the member&apos;s value by the one in the imported file</source>
        <translation>Remplacer la valeur du membre par celle du fichier importé</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Preview merging all from this score</source>
        <translation>Aperçu de la fusion à partir de ce score</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The pairs found by the scan with this score or more, whose records hold no different values (birthday, class year, city, email…): nothing to choose</source>
        <translation>Les paires trouvées par l’analyse avec ce score ou plus, dont les fiches n’ont aucune valeur différente (anniversaire, promo, ville, e-mail…)&#xa0;: rien à choisir</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Score from</source>
        <translation>Score à partir de</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Merge these %n pair(s)</source>
        <translation>
            <numerusform>Fusionner %n paire</numerusform>
            <numerusform>Fusionner ces %n paires</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/controllers/duplicates.py" line="+37"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>EmailsDialog</name>
    <message>
        <location filename="../../ui/panels/tags.py" line="+61"/>
        <source>Tag a list of emails</source>
        <translation>Étiqueter une liste d’e-mails</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the emails of the members to tag with “%1”:</source>
        <translation>Collez les e-mails des membres qui recevront l’étiquette «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>one email per line, or separated by , or ;</source>
        <translation>un e-mail par ligne, ou séparés par , ou ;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag</source>
        <translation>Étiqueter</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/dialogs/event_dialog.py" line="+41"/>
        <source>New event</source>
        <translation>Nouvel événement</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>At</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Announcement (3 weeks before)</source>
        <translation>Annonce (3 semaines avant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder (2 days before)</source>
        <translation>Rappel (2 jours avant)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thanks (the day after)</source>
        <translation>Remerciements (le lendemain)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drafts to prepare</source>
        <translation>Brouillons à préparer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of the drafts</source>
        <translation>Langue des brouillons</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The link must start with http:// or https://.</source>
        <translation>Le lien doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose at least one channel and one draft.</source>
        <translation>Choisissez au moins un canal et un brouillon.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/export_dialog.py" line="+85"/>
        <location line="+217"/>
        <source>Export members</source>
        <translation>Exporter des membres</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Members to export</source>
        <translation>Membres à exporter</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>The selected members (%Ln)</source>
        <translation>
            <numerusform>Le membre sélectionné (%Ln)</numerusform>
            <numerusform>Les membres sélectionnés (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CSV (comma-separated, UTF-8)</source>
        <translation>CSV (virgules, UTF-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV for Excel in French (semicolon-separated)</source>
        <translation>CSV pour Excel en français (points-virgules)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard contacts (.vcf)</source>
        <translation>Contacts vCard (.vcf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailchimp audience (CSV)</source>
        <translation>Audience Mailchimp (CSV)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tick the columns to export; drag to reorder.</source>
        <translation>Cochez les colonnes à exporter&#xa0;; faites-les glisser pour changer l’ordre.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The current search (counting…)</source>
        <translation>La recherche en cours (décompte…)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The current search (%Ln)</source>
        <translation>
            <numerusform>La recherche en cours (%Ln)</numerusform>
            <numerusform>La recherche en cours (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All members (counting…)</source>
        <translation>Tous les membres (décompte…)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>All members (%Ln)</source>
        <translation>
            <numerusform>Tous les membres (%Ln)</numerusform>
            <numerusform>Tous les membres (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>A vCard holds the name, email, phone, company, address, birthday, LinkedIn profile, school, class year and tags.</source>
        <translation>Une vCard contient le nom, l’e-mail, le téléphone, l’entreprise, l’adresse, la date de naissance, le profil LinkedIn, l’école, la promo et les étiquettes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns Email Address, First Name, Last Name and TAGS; only members with an email address who gave their newsletter consent.</source>
        <translation>Colonnes Email Address, First Name, Last Name et TAGS&#xa0;; seulement les membres qui ont une adresse e-mail et ont accepté la newsletter.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The current search (cannot be run)</source>
        <translation>La recherche en cours (impossible à exécuter)</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln membre exporté vers %1</numerusform>
            <numerusform>%Ln membres exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export cancelled: no file was written.</source>
        <translation>Export annulé&#xa0;: aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>Any (no purpose)</source>
        <translation>Tout usage (aucune finalité)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leaves out the members this use does not allow, and says how many</source>
        <translation>Écarte les membres que cet usage n’autorise pas, et dit combien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For</source>
        <translation>Pour</translation>
    </message>
    <message>
        <location line="+226"/>
        <source>Left out for this purpose: %1 who objected, %2 never asked.</source>
        <translation>Écartés pour cette finalité&#xa0;: %1 opposés, %2 jamais consultés.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../../app/members/fields.py" line="+75"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Company</source>
        <translation>Entreprise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job title</source>
        <translation>Poste</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>School / programme</source>
        <translation>École / filière</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class year</source>
        <translation>Promo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dues paid for</source>
        <translation>Dernière cotisation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verified through</source>
        <translation>Vérifié via</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verified on</source>
        <translation>Vérifié le</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Newsletter consent</source>
        <translation>Consentement newsletter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consent given on</source>
        <translation>Consentement donné le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Added</source>
        <translation>Ajouté le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Modifié le</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last contacted</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected on (not kept)</source>
        <translation>Connecté le (non conservé)</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/dialogs/first_start.py" line="+36"/>
        <source>Welcome to Amicale</source>
        <translation>Bienvenue dans Amicale</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amicale keeps your association&apos;s graduates on this computer, even offline. Start with your own association, or look around a fictional one first.</source>
        <translation>Amicale conserve les diplômés de votre association sur cet ordinateur, même hors ligne. Commencez par votre propre association, ou découvrez d’abord une association fictive.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Create my association</source>
        <translation>Créer mon association</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>e.g. Amicale Chimie Mulhouse</source>
        <translation>ex.&#xa0;: Amicale Chimie Mulhouse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. Claire, for the Amicale&apos;s board</source>
        <translation>ex.&#xa0;: Claire, pour le bureau de l’Amicale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+9"/>
        <source>Explore a sample association</source>
        <translation>Découvrir une association d’exemple</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 fictional graduates with tags and communities. Nothing is sent anywhere.</source>
        <translation>%1 diplômés fictifs, avec leurs étiquettes et leurs communautés. Rien n’est envoyé nulle part.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Please give your association a name.</source>
        <translation>Veuillez donner un nom à votre association.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Sample association</source>
        <translation>Association d’exemple</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/panels/history.py" line="+37"/>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports</source>
        <translation>Exports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletions and erasures</source>
        <translation>Suppressions et effacements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merges</source>
        <translation>Fusions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags and segments</source>
        <translation>Étiquettes et segments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every export, import, deletion and merge is recorded here, on this computer.</source>
        <translation>Chaque export, import, suppression et fusion est consigné ici, sur cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../ui/models/history_table.py" line="+26"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Member created</source>
        <translation>Membre créé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member changed</source>
        <translation>Membre modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members deleted</source>
        <translation>Membres supprimés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deletion undone</source>
        <translation>Suppression annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member erased (GDPR)</source>
        <translation>Membre effacé (RGPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data exported (GDPR)</source>
        <translation>Données personnelles exportées (RGPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates merged</source>
        <translation>Doublons fusionnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample association created</source>
        <translation>Association d’exemple créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag created</source>
        <translation>Étiquette créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag renamed</source>
        <translation>Étiquette renommée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag colour changed</source>
        <translation>Couleur d’étiquette changée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag moved to another category</source>
        <translation>Étiquette déplacée dans une autre catégorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags merged</source>
        <translation>Étiquettes fusionnées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag deleted</source>
        <translation>Étiquette supprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag deletion undone</source>
        <translation>Suppression d’étiquette annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members tagged</source>
        <translation>Membres étiquetés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members untagged</source>
        <translation>Étiquette retirée à des membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search tagged</source>
        <translation>Recherche étiquetée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search untagged</source>
        <translation>Étiquette retirée à une recherche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of emails tagged</source>
        <translation>Liste de courriels étiquetée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagging undone</source>
        <translation>Étiquetage annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagging rule created</source>
        <translation>Règle d’étiquetage créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagging rule changed</source>
        <translation>Règle d’étiquetage modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagging rule deleted</source>
        <translation>Règle d’étiquetage supprimée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagging rules applied</source>
        <translation>Règles d’étiquetage appliquées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment saved</source>
        <translation>Segment enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment changed</source>
        <translation>Segment modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment renamed</source>
        <translation>Segment renommé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment deleted</source>
        <translation>Segment supprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletter send</source>
        <translation>Envoi de la lettre d’information</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Request from %1 approved</source>
        <translation>Demande de %1 acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1 rejected</source>
        <translation>Demande de %1 refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information asked of %1</source>
        <translation>Informations demandées à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1 passed on</source>
        <translation>Demande de %1 transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1 snoozed</source>
        <translation>Demande de %1 remise à plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision on the request from %1 undone</source>
        <translation>Décision sur la demande de %1 annulée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Post by %1 approved</source>
        <translation>Publication de %1 acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1 rejected</source>
        <translation>Publication de %1 refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Information asked about the post by %1</source>
        <translation>Informations demandées sur la publication de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Post by %1 passed on</source>
        <translation>Publication de %1 transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1 snoozed</source>
        <translation>Publication de %1 remise à plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision on the post by %1 undone</source>
        <translation>Décision sur la publication de %1 annulée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record of %1 created</source>
        <translation>Fiche de %1 créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record of %1 changed</source>
        <translation>Fiche de %1 modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplicates merged into the record of %1</source>
        <translation>Doublons fusionnés dans la fiche de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree of %1 verified</source>
        <translation>Diplôme de %1 vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Personal data of %1 exported (GDPR)</source>
        <translation>Données personnelles de %1 exportées (RGPD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 and another member marked as different people</source>
        <translation>%1 et un autre membre marqués comme personnes différentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Join requests and posts imported</source>
        <translation>Demandes d’adhésion et publications importées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Degree verified</source>
        <translation>Diplôme vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marked as different people</source>
        <translation>Marqués comme personnes différentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import row dismissed</source>
        <translation>Ligne d’import écartée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 members to %2</source>
        <translation>%1 membres vers %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+136"/>
        <source>search: %1</source>
        <translation>recherche&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-130"/>
        <source>%1: %2 created, %3 updated, %4 rejected</source>
        <translation>%1&#xa0;: %2 créés, %3 mis à jour, %4 refusés</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 added, %2 merged</source>
        <translation>%1 ajoutés, %2 fusionnés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+113"/>
        <source>members: %1</source>
        <translation>membres&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>fields: %1</source>
        <translation>champs&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a member no longer in the directory</source>
        <translation>un membre qui n’est plus dans l’annuaire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Members in %2 get the tag “%1”</source>
        <translation>Les membres habitant %2 reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members of the classes of %2 to %3 get the tag “%1”</source>
        <translation>Les membres des promos %2 à %3 reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of the class of %2 get the tag “%1”</source>
        <translation>Les membres de la promo %2 reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of the class of %2 or later get the tag “%1”</source>
        <translation>Les membres de la promo %2 et des suivantes reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members of the class of %2 or earlier get the tag “%1”</source>
        <translation>Les membres de la promo %2 et des précédentes reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members found by the search “%2” get the tag “%1”</source>
        <translation>Les membres trouvés par la recherche «&#xa0;%2&#xa0;» reçoivent l’étiquette «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 or %2</source>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>members tagged: %1</source>
        <translation>membres étiquetés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>members untagged: %1</source>
        <translation>membres désétiquetés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Consent recorded</source>
        <translation>Consentement enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access request received</source>
        <translation>Demande d’accès reçue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erasure request received</source>
        <translation>Demande d’effacement reçue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request answered</source>
        <translation>Demande traitée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention rule changed</source>
        <translation>Règle de conservation modifiée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register of processing edited</source>
        <translation>Registre des traitements modifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup made</source>
        <translation>Sauvegarde faite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup replaced by a clean copy</source>
        <translation>Sauvegarde remplacée par une copie propre</translation>
    </message>
</context>
<context>
    <name>IdeasSourceDialog</name>
    <message>
        <location filename="../../ui/dialogs/ideas_dialog.py" line="+31"/>
        <source>Import content ideas</source>
        <translation>Importer des idées de contenu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Each new article of an RSS or Atom feed becomes a draft to review: nothing is scheduled or posted by itself. Articles already imported are skipped.</source>
        <translation>Chaque nouvel article d’un flux RSS ou Atom devient un brouillon à relire&#xa0;: rien n’est programmé ni publié tout seul. Les articles déjà importés sont ignorés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>https://… or a feed file</source>
        <translation>https://… ou un fichier de flux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Only http:// and https:// addresses can be read.</source>
        <translation>Seules les adresses http:// et https:// peuvent être lues.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This address has no site name.</source>
        <translation>Cette adresse n’a pas de nom de site.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a feed file</source>
        <translation>Choisir un fichier de flux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feeds (*.xml *.rss *.atom);;All files (*)</source>
        <translation>Flux (*.xml *.rss *.atom);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="+64"/>
        <location line="+102"/>
        <location line="+267"/>
        <source>Import members</source>
        <translation>Importer des membres</translation>
    </message>
    <message>
        <location line="-363"/>
        <source>CSV, Excel, vCard, LinkedIn or Mailchimp file</source>
        <translation>Fichier CSV, Excel, vCard, LinkedIn ou Mailchimp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Tags for every imported member, e.g. Source/Gala 2026</source>
        <translation>Étiquettes pour chaque membre importé, par ex. Source/Gala 2026</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Check (nothing is written)</source>
        <translation>Vérifier (rien n’est écrit)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the rejected rows…</source>
        <translation>Enregistrer les lignes rejetées…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the warnings…</source>
        <translation>Enregistrer les avertissements…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Recognise the format</source>
        <translation>Reconnaître le format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (any separator)</source>
        <translation>CSV (tout séparateur)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (.xlsx)</source>
        <translation>Excel (.xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vCard (phone, Outlook)</source>
        <translation>vCard (téléphone, Outlook)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LinkedIn connections</source>
        <translation>Relations LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailchimp audience</source>
        <translation>Audience Mailchimp</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Member lists (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.zip);;All files (*)</source>
        <translation>Listes de membres (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Format: %1.</source>
        <translation>Format&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This file was already imported on %1.</source>
        <translation>Ce fichier a déjà été importé le %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(ignore)</source>
        <translation>(ignorer)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+110"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location line="-106"/>
        <location line="+89"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose at least one column to import.</source>
        <translation>Choisissez au moins une colonne à importer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Check: %1 to create, %2 to complete, %3 unchanged, %4 rejected, %5 probable duplicates. Nothing was written.</source>
        <translation>Vérification&#xa0;: %1 à créer, %2 à compléter, %3 inchangés, %4 rejetés, %5 doublons probables. Rien n’a été écrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported: %1 created, %2 completed, %3 unchanged, %4 rejected, %5 probable duplicates to review.</source>
        <translation>Import terminé&#xa0;: %1 créés, %2 complétés, %3 inchangés, %4 rejetés, %5 doublons probables à examiner.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n value(s) differ from the directory and were kept as they were.</source>
        <translation>
            <numerusform>%n valeur diffère de l’annuaire et a été conservée telle quelle.</numerusform>
            <numerusform>%n valeurs diffèrent de l’annuaire et ont été conservées telles quelles.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose, field by field, which to keep in Duplicates.</source>
        <translation>Choisissez, champ par champ, lesquelles garder dans Doublons.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n warning(s): values not imported as they were are listed below and kept in the member&apos;s notes (“To fix”).</source>
        <translation>
            <numerusform>%n avertissement&#xa0;: les valeurs non importées telles quelles sont listées ci-dessous et gardées dans les notes du membre («&#xa0;To fix&#xa0;»).</numerusform>
            <numerusform>%n avertissements&#xa0;: les valeurs non importées telles quelles sont listées ci-dessous et gardées dans les notes des membres («&#xa0;To fix&#xa0;»).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Line %1: %2 kept “%3”, the file says “%4”</source>
        <translation>Ligne %1&#xa0;: %2 garde «&#xa0;%3&#xa0;», le fichier indique «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value in the file</source>
        <translation>Valeur dans le fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Save the warnings</source>
        <translation>Enregistrer les avertissements</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped: nothing was written.</source>
        <translation>Arrêté&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The import failed and nothing was written: %1</source>
        <translation>L’import a échoué et rien n’a été écrit&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Save the rejected rows</source>
        <translation>Enregistrer les lignes rejetées</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="+94"/>
        <source>week %1</source>
        <translation>semaine %1</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="+70"/>
        <source>Amicale is locked</source>
        <translation>Amicale est verrouillé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The data file is encrypted. Give its passphrase to see the data again.</source>
        <translation>Le fichier de données est chiffré. Donnez sa phrase de passe pour revoir les données.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Wrong passphrase.</source>
        <translation>Phrase de passe incorrecte.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+98"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+12"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+275"/>
        <source>Birthdays</source>
        <translation>Anniversaires</translation>
    </message>
    <message>
        <location line="-272"/>
        <source>Duplicates</source>
        <translation>Doublons</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+357"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location line="-354"/>
        <source>Moderation</source>
        <translation>Modération</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Your data file was upgraded; the previous version is kept in %1</source>
        <translation>Votre fichier de données a été mis à jour&#xa0;; la version précédente est conservée dans %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New member</source>
        <translation>&amp;Nouveau membre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Import members…</source>
        <translation>&amp;Importer des membres…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xport members…</source>
        <translation>E&amp;xporter des membres…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send &amp;newsletter…</source>
        <translation>Envoyer la &amp;lettre d’information…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Board &amp;report…</source>
        <translation>&amp;Bilan pour le bureau…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Back up the data file…</source>
        <translation>&amp;Sauvegarder le fichier de données…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+272"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="-268"/>
        <location line="+272"/>
        <source>&amp;Redo</source>
        <translation>Réta&amp;blir</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>&amp;Find members</source>
        <translation>&amp;Rechercher des membres</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Amicale</source>
        <translation>À &amp;propos d’Amicale</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%Ln member(s) exported to %1</source>
        <translation>
            <numerusform>%Ln membre exporté vers %1</numerusform>
            <numerusform>%Ln membres exportés vers %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Birthdays (%1)</source>
        <translation>Anniversaires (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+13"/>
        <source>%n birthday(s) today</source>
        <translation>
            <numerusform>%n anniversaire aujourd’hui</numerusform>
            <numerusform>%n anniversaires aujourd’hui</numerusform>
        </translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Calendar (%1)</source>
        <translation>Calendrier (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n post(s) due now</source>
        <translation>
            <numerusform>%n publication à faire maintenant</numerusform>
            <numerusform>%n publications à faire maintenant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>%n member(s) deleted. Ctrl+Z to undo.</source>
        <translation>
            <numerusform>%n membre supprimé. Ctrl+Z pour annuler.</numerusform>
            <numerusform>%n membres supprimés. Ctrl+Z pour annuler.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Redo %1</source>
        <translation>Réta&amp;blir&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Redone: %1</source>
        <translation>Rétabli&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Back up the data file</source>
        <translation>Sauvegarder le fichier de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale data (*.sqlite3 *.amicale)</source>
        <translation>Données Amicale (*.sqlite3 *.amicale)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Backup failed</source>
        <translation>Échec de la sauvegarde</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Backup written to %1 (%Ln members).</source>
        <translation>
            <numerusform>Sauvegarde écrite dans %1 (%Ln membre).</numerusform>
            <numerusform>Sauvegarde écrite dans %1 (%Ln membres).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The new language will be used the next time Amicale starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d’Amicale.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About Amicale</source>
        <translation>À propos d’Amicale</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amicale %1

The offline toolbox of alumni associations&apos; community managers.

Data file: %2

Built with Qt and PySide6 (LGPLv3), SQLAlchemy (MIT), Alembic (MIT), platformdirs (MIT), SQLite (public domain).</source>
        <translation>Amicale %1

La boîte à outils hors ligne des community managers d’associations d’anciens élèves.

Fichier de données&#xa0;: %2

Conçu avec Qt et PySide6 (LGPLv3), SQLAlchemy (MIT), Alembic (MIT), platformdirs (MIT), SQLite (domaine public).</translation>
    </message>
    <message>
        <location line="-519"/>
        <location line="+240"/>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Privacy (%1)</source>
        <translation>Confidentialité (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n request(s) past their one-month deadline</source>
        <translation>
            <numerusform>%n demande a dépassé son délai d’un mois</numerusform>
            <numerusform>%n demandes ont dépassé leur délai d’un mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+211"/>
        <source>Erased. %n backup(s) made before still hold them: Privacy → Backups.</source>
        <translation>
            <numerusform>Effacé. %n sauvegarde faite avant le contient encore&#xa0;: Confidentialité → Sauvegardes.</numerusform>
            <numerusform>Effacé. %n sauvegardes faites avant le contiennent encore&#xa0;: Confidentialité → Sauvegardes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Erased.</source>
        <translation>Effacé.</translation>
    </message>
    <message>
        <location line="-351"/>
        <source>&amp;Connect to a team directory…</source>
        <translation>Se &amp;connecter à un annuaire d’équipe…</translation>
    </message>
    <message>
        <location line="+382"/>
        <source>Team directory %1: connected</source>
        <translation>Annuaire d’équipe %1 : connecté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The team server cannot be reached: your edits stay in the window; Amicale reconnects by itself</source>
        <translation>Le serveur d’équipe est injoignable : vos modifications restent dans la fenêtre ; Amicale se reconnecte tout seul</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <location filename="../../ui/panels/member_card.py" line="+74"/>
        <source>Select a member to see their file, or press Ctrl+N.</source>
        <translation>Sélectionnez un membre pour afficher sa fiche, ou appuyez sur Ctrl+N.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete the selected members…</source>
        <translation>Supprimer les membres sélectionnés…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. 2005</source>
        <translation>ex.&#xa0;: 2005</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Agrees</source>
        <translation>Accepte</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Category/Tag, Tag, …</source>
        <translation>Catégorie/Étiquette, Étiquette, …</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revert</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n members selected</source>
        <translation>
            <numerusform>%n membre sélectionné</numerusform>
            <numerusform>%n membres sélectionnés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags and exports apply to the whole selection.</source>
        <translation>Les étiquettes et les exports s’appliquent à toute la sélection.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Added %1, updated %2.</source>
        <translation>Ajouté le %1, modifié le %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New member</source>
        <translation>Nouveau membre</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>the new member</source>
        <translation>le nouveau membre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card of %1 has unsaved changes. Save them?</source>
        <translation>La fiche de %1 a des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Please correct the fields in red.</source>
        <translation>Veuillez corriger les champs en rouge.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="-470"/>
        <source>Delete permanently…</source>
        <translation>Supprimer définitivement…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erase the person from the data file for good (GDPR): cannot be undone</source>
        <translation>Effacer la personne du fichier de données pour de bon (RGPD)&#xa0;: impossible à annuler</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Privacy</source>
        <translation>Confidentialité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Consent…</source>
        <translation>Consentement…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy of their data</source>
        <translation>Copie de ses données</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Letter as PDF…</source>
        <translation>Lettre en PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letter as HTML…</source>
        <translation>Lettre en HTML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File as JSON…</source>
        <translation>Fichier JSON…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Request received</source>
        <translation>Demande reçue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access request, received today</source>
        <translation>Demande d’accès, reçue aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erasure request, received today</source>
        <translation>Demande d’effacement, reçue aujourd’hui</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>never asked</source>
        <translation>jamais demandé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>given on %1</source>
        <translation>donné le %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>refused on %1</source>
        <translation>refusé le %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Access request of %1: answer by %2</source>
        <translation>Demande d’accès du %1&#xa0;: répondre avant le %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erasure request of %1: answer by %2</source>
        <translation>Demande d’effacement du %1&#xa0;: répondre avant le %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (late)</source>
        <translation> (en retard)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Consent recorded.</source>
        <translation>Consentement enregistré.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON file (*.json)</source>
        <translation>Fichier JSON (*.json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>personal-data</source>
        <translation>donnees-personnelles</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy of the data of %1</source>
        <translation>Copie des données de %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Copy written to %1.</source>
        <translation>Copie écrite dans %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The access request is marked answered today.</source>
        <translation>La demande d’accès est marquée traitée aujourd’hui.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Request logged: answer by %1.</source>
        <translation>Demande enregistrée&#xa0;: répondre avant le %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Delete %1 permanently?</source>
        <translation>Supprimer définitivement %1&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their name, email, phone and everything else about them are erased from the data file for good, also from the history and the moderation queue. This cannot be undone. Backups made before keep them: replace them afterwards (Privacy panel).</source>
        <translation>Son nom, son adresse, son téléphone et tout ce qui la concerne sont effacés du fichier de données pour de bon, y compris de l’historique et de la file de modération. C’est irréversible. Les sauvegardes faites avant les gardent&#xa0;: remplacez-les ensuite (panneau Confidentialité).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Erasing…</source>
        <translation>Effacement…</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <location filename="../../ui/panels/members.py" line="+192"/>
        <source>Search: martin, city:lyon tag:voile promo:2005..2010 -dues:paid, &quot;saint étienne&quot;…</source>
        <translation>Rechercher&#xa0;: martin, ville:lyon étiquette:voile promo:2005..2010 -cotisation:payée, &quot;saint étienne&quot;…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No members yet</source>
        <translation>Aucun membre pour l’instant</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import your members (Excel, CSV, LinkedIn…)</source>
        <translation>Importer vos membres (Excel, CSV, LinkedIn…)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Or add them one by one with File → New member (Ctrl+N).</source>
        <translation>Ou ajoutez-les un par un avec Fichier → Nouveau membre (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message numerus="yes">
        <location line="+136"/>
        <source>%1 of %Ln members</source>
        <translation>
            <numerusform>%1 sur %Ln membre</numerusform>
            <numerusform>%1 sur %Ln membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No member has the tag “%1” — did you mean city:%2?</source>
        <translation>Aucun membre n’a l’étiquette «&#xa0;%1&#xa0;» — vouliez-vous dire ville:%2&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No member has the tag “%1”: no tag has this name.</source>
        <translation>Aucun membre n’a l’étiquette «&#xa0;%1&#xa0;»&#xa0;: aucune étiquette ne porte ce nom.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (not updated)</source>
        <translation>%1 (non mis à jour)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The search failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>The list below is not updated.</source>
        <translation>La liste ci-dessous n’est pas mise à jour.</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Fit the columns to the list&apos;s width</source>
        <translation>Ajuster les colonnes à la largeur de la liste</translation>
    </message>
    <message>
        <location line="+279"/>
        <source>Delete members</source>
        <translation>Supprimer des membres</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n member(s)? You can undo the last deletion (Ctrl+Z).</source>
        <translation>
            <numerusform>Supprimer %n membre&#xa0;? Vous pourrez annuler la dernière suppression (Ctrl+Z).</numerusform>
            <numerusform>Supprimer %n membres&#xa0;? Vous pourrez annuler la dernière suppression (Ctrl+Z).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Amicale</source>
        <translation>Amicale</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tag the selection…</source>
        <translation>Étiqueter la sélection…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untag the selection…</source>
        <translation>Retirer une étiquette à la sélection…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag the whole search…</source>
        <translation>Étiqueter toute la recherche…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag a pasted list of emails…</source>
        <translation>Étiqueter une liste de courriels collée…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo the last tagging</source>
        <translation>Annuler le dernier étiquetage</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Tag the selection</source>
        <translation>Étiqueter la sélection</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Tag %n selected member(s) with:</source>
        <translation>
            <numerusform>Étiqueter %n membre sélectionné avec&#xa0;:</numerusform>
            <numerusform>Étiqueter les %n membres sélectionnés avec&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Untag the selection</source>
        <translation>Retirer une étiquette à la sélection</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Remove from %n selected member(s) the tag:</source>
        <translation>
            <numerusform>Retirer à %n membre sélectionné l’étiquette&#xa0;:</numerusform>
            <numerusform>Retirer aux %n membres sélectionnés l’étiquette&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tag every member of the current search with:</source>
        <translation>Étiqueter tous les membres de la recherche en cours avec&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Tag the %n member(s) of the current search with:</source>
        <translation>
            <numerusform>Étiqueter %n membre de la recherche en cours avec&#xa0;:</numerusform>
            <numerusform>Étiqueter les %n membres de la recherche en cours avec&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag the whole search</source>
        <translation>Étiqueter toute la recherche</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Another tagging is running; try again when it ends.</source>
        <translation>Un autre étiquetage est en cours&#xa0;; réessayez quand il sera terminé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+104"/>
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Untagging…</source>
        <translation>Retrait de l’étiquette…</translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%n member(s) newly tagged with “%1”.</source>
        <translation>
            <numerusform>%n membre nouvellement étiqueté «&#xa0;%1&#xa0;».</numerusform>
            <numerusform>%n membres nouvellement étiquetés «&#xa0;%1&#xa0;».</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n member(s) untagged from “%1”.</source>
        <translation>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée à %n membre.</numerusform>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée à %n membres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The current search is not valid; nothing was tagged.</source>
        <translation>La recherche en cours n’est pas valide&#xa0;; rien n’a été étiqueté.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Undoing…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag a pasted list of emails</source>
        <translation>Étiqueter une liste de courriels collée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag the members whose emails are pasted below with:</source>
        <translation>Étiqueter les membres dont les courriels sont collés ci-dessous avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Emails not found</source>
        <translation>Courriels introuvables</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n email(s) match no member:</source>
        <translation>
            <numerusform>%n courriel ne correspond à aucun membre&#xa0;:</numerusform>
            <numerusform>%n courriels ne correspondent à aucun membre&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../app/members/query.py" line="+236"/>
        <source>&apos;{0}:&apos; needs letters or digits</source>
        <translation>«&#xa0;{0}:&#xa0;» demande des lettres ou des chiffres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown field &apos;{0}:&apos; (known: {1})</source>
        <translation>champ inconnu «&#xa0;{0}:&#xa0;» (champs connus&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&apos;{0}&apos; is not a valid value for &apos;{1}:&apos;</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas une valeur possible pour «&#xa0;{1}:&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/members/search.py" line="+79"/>
        <source>the query is too long ({0} characters; at most {1})</source>
        <translation>la recherche est trop longue ({0} caractères&#xa0;; au plus {1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the query has too many terms (at most {0}): save parts of it as segments</source>
        <translation>la recherche a trop de termes (au plus {0})&#xa0;: enregistrez-en des parties comme segments</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the query nests too deeply (at most {0} parentheses or NOT inside each other)</source>
        <translation>la recherche imbrique trop de niveaux (au plus {0} parenthèses ou NOT les uns dans les autres)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unclosed quote</source>
        <translation>guillemet non fermé</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&apos;-&apos; must be followed by what to exclude</source>
        <translation>«&#xa0;-&#xa0;» doit être suivi de ce qu’il faut exclure</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+5"/>
        <source>&apos;{0}:&apos; needs a value</source>
        <translation>«&#xa0;{0}:&#xa0;» demande une valeur</translation>
    </message>
    <message>
        <location line="+44"/>
        <location line="+93"/>
        <source>&apos;)&apos; without a matching &apos;(&apos;</source>
        <translation>«&#xa0;)&#xa0;» sans «&#xa0;(&#xa0;» correspondante</translation>
    </message>
    <message>
        <location line="-89"/>
        <source>unexpected &apos;{0}&apos;</source>
        <translation>«&#xa0;{0}&#xa0;» inattendu</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OR needs something on its left</source>
        <translation>OR demande un terme à sa gauche</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>OR needs something on its right</source>
        <translation>OR demande un terme à sa droite</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AND needs something on its right</source>
        <translation>AND demande un terme à sa droite</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the query ends too early</source>
        <translation>la recherche s’arrête trop tôt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{0}&apos; needs something after it</source>
        <translation>«&#xa0;{0}&#xa0;» doit être suivi d’un terme</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+13"/>
        <source>&apos;(&apos; without a matching &apos;)&apos;</source>
        <translation>«&#xa0;(&#xa0;» sans «&#xa0;)&#xa0;» correspondante</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>empty parentheses</source>
        <translation>parenthèses vides</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&apos;{0}&apos; cannot stand here</source>
        <translation>«&#xa0;{0}&#xa0;» ne peut pas se trouver ici</translation>
    </message>
    <message>
        <location filename="../../app/members/validation.py" line="+51"/>
        <location line="+11"/>
        <source>use the form YYYY-MM-DD or DD/MM/YYYY</source>
        <translation>utilisez la forme JJ/MM/AAAA ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a birthday cannot be in the future</source>
        <translation>une date de naissance ne peut pas être dans le futur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the year must be 1900 or later</source>
        <translation>l’année doit être 1900 ou après</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>must be a year such as 2005</source>
        <translation>doit être une année, par exemple 2005</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must be between {0} and {1}</source>
        <translation>doit être entre {0} et {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>unknown field</source>
        <translation>champ inconnu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>too long (over {0} characters)</source>
        <translation>trop long (plus de {0} caractères)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not a valid email address</source>
        <translation>adresse e-mail invalide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not a valid phone number</source>
        <translation>numéro de téléphone invalide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not a LinkedIn address</source>
        <translation>ce n’est pas une adresse LinkedIn</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>must be one of {0}</source>
        <translation>doit être l’une des valeurs&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a member needs a name or an email</source>
        <translation>un membre doit avoir un nom ou une adresse e-mail</translation>
    </message>
    <message>
        <location filename="../../app/io/export.py" line="+152"/>
        <source>unknown export format &apos;{0}&apos; (known: {1})</source>
        <translation>format d’export inconnu «&#xa0;{0}&#xa0;» (formats connus&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot tell the export format from the name &apos;{0}&apos;: use .csv, .xlsx or .vcf, or give the format</source>
        <translation>impossible de déduire le format d’export du nom «&#xa0;{0}&#xa0;»&#xa0;: utilisez .csv, .xlsx ou .vcf, ou indiquez le format</translation>
    </message>
    <message>
        <location filename="../../app/files.py" line="+30"/>
        <source>{0} is the data file in use (or one of its own files): choose another file</source>
        <translation>{0} est le fichier de données ouvert (ou l’un de ses fichiers)&#xa0;: choisissez un autre fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is the file being read: choose another file</source>
        <translation>{0} est le fichier en cours de lecture&#xa0;: choisissez un autre fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is not an ordinary file (a device, a pipe or a socket): choose a file</source>
        <translation>{0} n’est pas un fichier ordinaire (un périphérique, un tube ou une socket)&#xa0;: choisissez un fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not an ordinary file (a device, a pipe or a socket): it cannot be read</source>
        <translation>{0} n’est pas un fichier ordinaire (un périphérique, un tube ou une socket)&#xa0;: il ne peut pas être lu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is a folder, not a file</source>
        <translation>{0} est un dossier, pas un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read {0}: {1}</source>
        <translation>impossible de lire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/io/export.py" line="+111"/>
        <source>no column to export</source>
        <translation>aucune colonne à exporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown column &apos;{0}&apos; (known: {1})</source>
        <translation>colonne inconnue «&#xa0;{0}&#xa0;» (colonnes connues&#xa0;: {1})</translation>
    </message>
    <message>
        <location filename="../../app/files.py" line="+1"/>
        <source>cannot write {0}: {1}</source>
        <translation>impossible d’écrire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/birthdays.py" line="+217"/>
        <source>the “}}” at character {0} closes nothing (for a lone brace, write “}}}}”)</source>
        <translation>l’accolade «&#xa0;}}&#xa0;» au caractère {0} ne ferme rien (pour une accolade seule, écrivez «&#xa0;}}}}&#xa0;»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the “{{” at character {0} is never closed (for a lone brace, write “{{{{”)</source>
        <translation>l’accolade «&#xa0;{{&#xa0;» au caractère {0} n’est jamais fermée (pour une accolade seule, écrivez «&#xa0;{{{{&#xa0;»)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/posts/newsletter.py" line="+147"/>
        <source>not a known field: {0}. Fields you can use: {1}</source>
        <translation>champ inconnu&#xa0;: {0}. Champs possibles&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+335"/>
        <source>unknown channel “{0}”; use one of: {1}</source>
        <translation>canal inconnu «&#xa0;{0}&#xa0;»&#xa0;; canaux possibles&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/segments.py" line="+77"/>
        <source>Lost touch</source>
        <translation>Perdus de vue</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dues unpaid this year</source>
        <translation>Cotisation non payée cette année</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New this month</source>
        <translation>Nouveaux ce mois-ci</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not verified</source>
        <translation>Non vérifiés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No consent</source>
        <translation>Sans consentement</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a segment needs a search</source>
        <translation>un segment a besoin d’une recherche</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a segment needs a name</source>
        <translation>un segment a besoin d’un nom</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{0}&apos; is the name of a ready-made segment</source>
        <translation>«&#xa0;{0}&#xa0;» est le nom d’un segment prédéfini</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a segment named &apos;{0}&apos; already exists</source>
        <translation>un segment nommé «&#xa0;{0}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;{0}&apos; is a ready-made segment: it cannot be changed</source>
        <translation>«&#xa0;{0}&#xa0;» est un segment prédéfini&#xa0;: il ne peut pas être modifié</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no segment &apos;{0}&apos;</source>
        <translation>aucun segment «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/tags.py" line="+76"/>
        <source>no tag #{0}</source>
        <translation>aucune étiquette n°{0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag needs a name</source>
        <translation>une étiquette doit avoir un nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a tag name cannot contain / or &quot;</source>
        <translation>un nom d’étiquette ne peut pas contenir / ni &quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a tag named &apos;{0}&apos; already exists in &apos;{1}&apos;</source>
        <translation>une étiquette «&#xa0;{0}&#xa0;» existe déjà dans «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag named &apos;{0}&apos; already exists</source>
        <translation>une étiquette «&#xa0;{0}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <location line="+230"/>
        <source>a tag cannot merge into itself</source>
        <translation>une étiquette ne peut pas fusionner avec elle-même</translation>
    </message>
    <message>
        <location filename="../../app/moderation/checks.py" line="+70"/>
        <source>{0} members carry this name; no class year given to tell them apart</source>
        <translation>{0} membres portent ce nom&#xa0;; aucune promo indiquée pour les distinguer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not found in the directory</source>
        <translation>absent de l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>already a member of this community</source>
        <translation>déjà membre de cette communauté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>previously rejected on {0}: {1}</source>
        <translation>déjà refusé le {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>known graduate: same email as {0}</source>
        <translation>diplômé connu&#xa0;: même courriel que le membre {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>known graduate: same LinkedIn profile as {0}</source>
        <translation>diplômé connu&#xa0;: même profil LinkedIn que le membre {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>probable graduate ({0}% sure): near name of {1}, class of {2}</source>
        <translation>diplômé probable (sûr à {0}&#xa0;%)&#xa0;: nom proche de celui de {1}, promo {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>probable graduate ({0}% sure): first and last names swapped of {1}, class of {2}</source>
        <translation>diplômé probable (sûr à {0}&#xa0;%)&#xa0;: prénom et nom inversés de {1}, promo {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>probable graduate ({0}% sure): maiden name of {1}, class of {2}</source>
        <translation>diplômé probable (sûr à {0}&#xa0;%)&#xa0;: nom de naissance de {1}, promo {2}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>probable graduate ({0}% sure): part of the compound name of {1}, class of {2}</source>
        <translation>diplômé probable (sûr à {0}&#xa0;%)&#xa0;: partie du nom composé de {1}, promo {2}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>probable graduate ({0}% sure): same name as {1}, class of {2} (the request gives no year)</source>
        <translation>diplômé probable (sûr à {0}&#xa0;%)&#xa0;: même nom que {1}, promo {2} (la demande n’indique pas de promo)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{0} is marked as not a graduate (verification rejected)</source>
        <translation>{0} est marqué comme non diplômé (vérification refusée)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>recruiting words: {0}</source>
        <translation>mots de recrutement&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>commercial words: {0}</source>
        <translation>mots commerciaux&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spam words: {0}</source>
        <translation>mots de spam&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} links</source>
        <translation>{0} liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shortened link: {0}</source>
        <translation>lien raccourci&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blocked domain: {0}</source>
        <translation>domaine bloqué&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone number in the text</source>
        <translation>numéro de téléphone dans le texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shouting (capitals or !!!)</source>
        <translation>texte criard (majuscules ou&#xa0;!!!)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same text sent to {0} communities</source>
        <translation>même texte envoyé à {0} communautés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same text submitted {0} times</source>
        <translation>même texte soumis {0} fois</translation>
    </message>
    <message>
        <location filename="../../app/moderation/intake.py" line="+94"/>
        <source>kind must be join or post, not {0!r}</source>
        <translation>le type doit être join ou post, pas {0!r}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kind is missing (join or post)</source>
        <translation>type manquant (join ou post)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither a name nor an email</source>
        <translation>ni nom ni courriel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a post needs its text</source>
        <translation>une publication doit avoir un texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class year {0!r} is not a year</source>
        <translation>la promo {0!r} n&apos;est pas une année</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received_at {0!r} is not an ISO 8601 date</source>
        <translation>received_at {0!r} n&apos;est pas une date ISO 8601</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>email {0!r} is not an address</source>
        <translation>le courriel {0!r} n&apos;est pas une adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no known column (kind, name, email, community, text…) in {0}</source>
        <translation>aucune colonne connue (type, nom, courriel, communauté, texte…) dans {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} cannot be read: {1}</source>
        <translation>impossible de lire {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location filename="../../app/moderation/queue.py" line="+312"/>
        <source>this item was already {0}; undo that first</source>
        <translation>cet élément est déjà {0}&#xa0;; annulez d&apos;abord cette décision</translation>
    </message>
    <message>
        <location filename="../../app/moderation/checks.py" line="+11"/>
        <source>rule: score above {0}</source>
        <translation>règle&#xa0;: score supérieur à {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rule: known graduate</source>
        <translation>règle&#xa0;: diplômé connu</translation>
    </message>
    <message>
        <location filename="../../app/posts/csv_import.py" line="+40"/>
        <source>no date</source>
        <translation>date manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no time</source>
        <translation>heure manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no channel</source>
        <translation>canal manquant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no text</source>
        <translation>texte manquant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date “{0}” is not YYYY-MM-DD</source>
        <translation>la date «&#xa0;{0}&#xa0;» n’est pas au format AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>time “{0}” is not HH:MM</source>
        <translation>l’heure «&#xa0;{0}&#xa0;» n’est pas au format HH:MM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown channel “{0}”</source>
        <translation>canal inconnu&#xa0;: «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>channel “{0}” is disabled</source>
        <translation>le canal «&#xa0;{0}&#xa0;» est désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>link “{0}” is not an http(s) address</source>
        <translation>le lien «&#xa0;{0}&#xa0;» n’est pas une adresse http(s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: missing column(s) {1}</source>
        <translation>{0}&#xa0;: colonne(s) manquante(s) {1}</translation>
    </message>
    <message>
        <location filename="../../app/posts/feed.py" line="+62"/>
        <source>&apos;{0}&apos; is not a domain name or an email address for the feed ids</source>
        <translation>«&#xa0;{0}&#xa0;» n’est ni un nom de domaine ni une adresse électronique pour les identifiants du flux</translation>
    </message>
    <message>
        <location filename="../../app/posts/ideas.py" line="+71"/>
        <source>only http and https addresses are read: {0}</source>
        <translation>seules les adresses http et https sont lues&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cannot read the feed {0}: {1}</source>
        <translation>impossible de lire le flux {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>this feed declares XML entities or external references: refused</source>
        <translation>ce flux déclare des entités XML ou des références externes&#xa0;: refusé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not an RSS or Atom feed: {0}</source>
        <translation>ce n’est pas un flux RSS ou Atom&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not an RSS or Atom feed: its root is &lt;{0}&gt;</source>
        <translation>ce n’est pas un flux RSS ou Atom&#xa0;: sa racine est &lt;{0}&gt;</translation>
    </message>
    <message>
        <location filename="../../app/posts/newsletter.py" line="+197"/>
        <source>the subject is empty</source>
        <translation>l’objet est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the message is empty</source>
        <translation>le message est vide</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>give your own address to send the test to</source>
        <translation>indiquez votre propre adresse pour recevoir le test</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the mail server refused the test message: {0}</source>
        <translation>le serveur de messagerie a refusé le message de test&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the mail server refused the address {0}: {1}</source>
        <translation>le serveur de messagerie a refusé l’adresse {0}&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the test message was not sent: {0}</source>
        <translation>le message de test n’a pas été envoyé&#xa0;: {0}</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>nobody to send to: no member of this search has an email address and the newsletter consent</source>
        <translation>personne à qui envoyer&#xa0;: aucun membre de cette recherche n’a d’adresse électronique et le consentement à la lettre d’information</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>this newsletter is already being sent</source>
        <translation>cette lettre d’information est déjà en cours d’envoi</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>sending stopped after {0} of {1} messages: {2}. Resume the send to go on; nobody will receive it twice.</source>
        <translation>envoi arrêté après {0} messages sur {1}&#xa0;: {2}. Reprenez l’envoi pour continuer&#xa0;; personne ne le recevra deux fois.</translation>
    </message>
    <message>
        <location filename="../../app/posts/planning.py" line="+26"/>
        <source>{0}: {1} posts this week, more than the {2} chosen</source>
        <translation>{0}&#xa0;: {1} publications cette semaine, plus que les {2} choisies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: silent for {1} days since {2}, longer than the {3} chosen</source>
        <translation>{0}&#xa0;: silencieux depuis {1} jours (depuis le {2}), plus que les {3} choisis</translation>
    </message>
    <message>
        <location filename="../../app/posts/smtp.py" line="+121"/>
        <source>unknown security &apos;{0}&apos; (known: {1})</source>
        <translation>sécurité inconnue «&#xa0;{0}&#xa0;» (connues&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a port is between 1 and 65535</source>
        <translation>un port est compris entre 1 et 65535</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>messages per minute cannot be negative</source>
        <translation>le nombre de messages par minute ne peut pas être négatif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;{0}&apos; is not an email address</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas une adresse électronique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{0}&apos; is not a server name</source>
        <translation>«&#xa0;{0}&#xa0;» n’est pas un nom de serveur</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>cannot reach the mail server {0}:{1}: {2}</source>
        <translation>impossible de joindre le serveur de messagerie {0}:{1}&#xa0;: {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the mail server {0} refused the user name or password: {1}</source>
        <translation>le serveur de messagerie {0} a refusé l’identifiant ou le mot de passe&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the mail server {0} does not offer STARTTLS: choose TLS or another port</source>
        <translation>le serveur de messagerie {0} ne propose pas STARTTLS&#xa0;: choisissez TLS ou un autre port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>secure connection to {0} failed: {1}</source>
        <translation>la connexion sécurisée à {0} a échoué&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refusing to send the password in clear to {0}: choose STARTTLS or TLS (unencrypted is only for a server on this computer)</source>
        <translation>refus d’envoyer le mot de passe en clair à {0}&#xa0;: choisissez STARTTLS ou TLS (sans chiffrement, seulement pour un serveur sur cet ordinateur)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the mail server {0} does not accept a login here: {1}</source>
        <translation>le serveur de messagerie {0} n’accepte pas d’identification ici&#xa0;: {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the mail server is not set up: give its name and the sender&apos;s address</source>
        <translation>le serveur de messagerie n’est pas configuré&#xa0;: indiquez son nom et l’adresse de l’expéditeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the password for {0} on {1} is needed</source>
        <translation>le mot de passe de {0} sur {1} est nécessaire</translation>
    </message>
    <message>
        <location filename="../../app/tag_rules.py" line="+74"/>
        <source>unknown kind of rule &apos;{0}&apos;</source>
        <translation>type de règle inconnu «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a city rule needs at least one city</source>
        <translation>une règle de ville demande au moins une ville</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a class-year rule needs a year</source>
        <translation>une règle de promo demande une année</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} is not a class year</source>
        <translation>{0} n’est pas une année de promo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a search rule needs a search</source>
        <translation>une règle de recherche demande une recherche</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>no rule #{0}</source>
        <translation>aucune règle n°&#xa0;{0}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>a rule needs a tag</source>
        <translation>une règle demande une étiquette</translation>
    </message>
    <message>
        <location filename="../../app/posts/channels.py" line="+41"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viadeo</source>
        <translation>Viadeo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mastodon</source>
        <translation>Mastodon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <location filename="../../app/store/backup.py" line="+56"/>
        <source>{0} is the data file itself, not a backup of it</source>
        <translation>{0} est le fichier de données lui-même, pas une sauvegarde</translation>
    </message>
    <message>
        <location filename="../../app/store/engine.py" line="+173"/>
        <source>{0} is read-only: Amicale writes to its data file; make it writable or open a copy of it</source>
        <translation>{0} est en lecture seule&#xa0;: Amicale écrit dans son fichier de données&#xa0;; rendez-le modifiable ou ouvrez-en une copie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the folder of {0} is read-only: Amicale needs to write beside its data file; move it to a folder you can write to</source>
        <translation>le dossier de {0} est en lecture seule&#xa0;: Amicale doit écrire à côté de son fichier de données&#xa0;; déplacez-le dans un dossier modifiable</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} is not an ordinary file (a device, a pipe or a socket), not a data file</source>
        <translation>{0} n’est pas un fichier ordinaire (un périphérique, un tube ou une socket), pas un fichier de données</translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="+24"/>
        <source>the disk is full: free some space, then try again (nothing was saved)</source>
        <translation>le disque est plein&#xa0;: libérez de la place, puis réessayez (rien n’a été enregistré)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data file is busy: another program is writing to it; try again in a moment</source>
        <translation>le fichier de données est occupé&#xa0;: un autre programme y écrit&#xa0;; réessayez dans un instant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data file or its disk is read-only: Amicale cannot write to it</source>
        <translation>le fichier de données ou son disque est en lecture seule&#xa0;: Amicale ne peut pas y écrire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>permission denied: Amicale may not read or write {0}</source>
        <translation>accès refusé&#xa0;: Amicale n’a pas le droit de lire ou d’écrire {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>permission denied: Amicale may not read or write the file it needs</source>
        <translation>accès refusé&#xa0;: Amicale n’a pas le droit de lire ou d’écrire le fichier dont il a besoin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the disk could not be read or written (input/output error): check the disk</source>
        <translation>le disque n’a pas pu être lu ou écrit (erreur d’entrée/sortie)&#xa0;: vérifiez le disque</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the data file is damaged: restore a backup (amicale restore FILE)</source>
        <translation>le fichier de données est endommagé&#xa0;: restaurez une sauvegarde (amicale restore FICHIER)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>internal error ({0}); the details are in {1}</source>
        <translation>erreur interne ({0})&#xa0;; les détails sont dans {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>internal error ({0})</source>
        <translation>erreur interne ({0})</translation>
    </message>
    <message>
        <location filename="../../app/io/readers.py" line="+71"/>
        <source>{0} changed while it was read (cut short or still being written): nothing was imported; import it again once it is complete</source>
        <translation>{0} a changé pendant sa lecture (tronqué ou encore en cours d’écriture)&#xa0;: rien n’a été importé&#xa0;; importez-le de nouveau une fois complet</translation>
    </message>
    <message>
        <location line="+235"/>
        <source>{0} starts with the UTF-8 mark but is not UTF-8 (accents would be lost): save it again as UTF-8, or as CSV without the mark</source>
        <translation>{0} commence par la marque UTF-8 mais n’est pas en UTF-8 (les accents seraient perdus)&#xa0;: enregistrez-le de nouveau en UTF-8, ou en CSV sans la marque</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} is {1} but ends with half a character (cut short?): save or copy it again</source>
        <translation>{0} est en {1} mais se termine par un demi-caractère (tronqué&#xa0;?)&#xa0;: enregistrez-le ou copiez-le de nouveau</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>line {0}: a cell runs over {1} MB (a quote never closed?); the file was not imported</source>
        <translation>ligne {0}&#xa0;: une cellule dépasse {1} Mo (un guillemet jamais fermé&#xa0;?)&#xa0;; le fichier n’a pas été importé</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>the first line of {0} says the separator is &apos;{1}&apos;, but its rows are separated by &apos;{2}&apos;: correct or remove the sep= line</source>
        <translation>la première ligne de {0} indique le séparateur «&#xa0;{1}&#xa0;», mais ses lignes sont séparées par «&#xa0;{2}&#xa0;»&#xa0;: corrigez ou supprimez la ligne sep=</translation>
    </message>
    <message>
        <location filename="../../app/io/importer.py" line="+374"/>
        <source>{0}: {1} (&apos;{2}&apos;)</source>
        <translation>{0}&#xa0;: {1} («&#xa0;{2}&#xa0;»)</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>{0}: &apos;{1}&apos; differs from line {2}; kept the first</source>
        <translation>{0}&#xa0;: «&#xa0;{1}&#xa0;» diffère de la ligne {2}&#xa0;; la première est gardée</translation>
    </message>
    <message>
        <location filename="../../app/io/mapping.py" line="+602"/>
        <source>{0} cell(s) beyond the last column ignored</source>
        <translation>{0} cellule(s) au-delà de la dernière colonne ignorée(s)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0}: over {1} characters, cut</source>
        <translation>{0}&#xa0;: plus de {1} caractères, coupé</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>email: kept {0} from &apos;{1}&apos;</source>
        <translation>e-mail&#xa0;: {0} gardé de «&#xa0;{1}&#xa0;»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>email: &apos;{0}&apos; is not an email address; ignored</source>
        <translation>e-mail&#xa0;: «&#xa0;{0}&#xa0;» n’est pas une adresse électronique&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>phone: several numbers, kept {0}</source>
        <translation>téléphone&#xa0;: plusieurs numéros, {0} gardé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>phone: &apos;{0}&apos; is not a phone number; ignored</source>
        <translation>téléphone&#xa0;: «&#xa0;{0}&#xa0;» n’est pas un numéro de téléphone&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>promo: &apos;{0}&apos; is not a class year; ignored</source>
        <translation>promo&#xa0;: «&#xa0;{0}&#xa0;» n’est pas une année de promotion&#xa0;; ignorée</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>dues: &apos;{0}&apos; names no year; ignored</source>
        <translation>cotisation&#xa0;: «&#xa0;{0}&#xa0;» ne donne aucune année&#xa0;; ignorée</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>birthday: &apos;{0}&apos; is not a date; ignored</source>
        <translation>anniversaire&#xa0;: «&#xa0;{0}&#xa0;» n’est pas une date&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>birthday: {0} is not a possible birthday; ignored</source>
        <translation>anniversaire&#xa0;: {0} n’est pas une date de naissance possible&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>LinkedIn: &apos;{0}&apos; is not a profile address; ignored</source>
        <translation>LinkedIn&#xa0;: «&#xa0;{0}&#xa0;» n’est pas l’adresse d’un profil&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>consent: &apos;{0}&apos; is neither yes nor no; ignored</source>
        <translation>consentement&#xa0;: «&#xa0;{0}&#xa0;» n’est ni oui ni non&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>status: &apos;{0}&apos; is not a known status; ignored</source>
        <translation>statut&#xa0;: «&#xa0;{0}&#xa0;» n’est pas un statut connu&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>verification: &apos;{0}&apos; is not understood; ignored</source>
        <translation>vérification&#xa0;: «&#xa0;{0}&#xa0;» n’est pas compris&#xa0;; ignoré</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>last contact: &apos;{0}&apos; is not a date; ignored</source>
        <translation>dernier contact&#xa0;: «&#xa0;{0}&#xa0;» n’est pas une date&#xa0;; ignoré</translation>
    </message>
    <message>
        <location filename="../../app/segments.py" line="-59"/>
        <source>Consent never asked</source>
        <translation>Consentement jamais demandé</translation>
    </message>
    <message>
        <location filename="../../app/privacy/consent.py" line="+111"/>
        <source>unknown purpose &apos;{0}&apos; (one of: {1})</source>
        <translation>finalité «&#xa0;{0}&#xa0;» inconnue (au choix&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>say where the answer comes from (its source)</source>
        <translation>indiquez d’où vient la réponse (sa source)</translation>
    </message>
    <message>
        <location filename="../../app/privacy/requests.py" line="+68"/>
        <source>unknown request &apos;{0}&apos; (one of: {1})</source>
        <translation>demande «&#xa0;{0}&#xa0;» inconnue (au choix&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a request cannot be received in the future</source>
        <translation>une demande ne peut pas être reçue dans le futur</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>an answer cannot come before the request ({0})</source>
        <translation>une réponse ne peut pas précéder la demande ({0})</translation>
    </message>
    <message>
        <location filename="../../app/privacy/retention.py" line="+52"/>
        <source>unknown status &apos;{0}&apos; (one of: {1})</source>
        <translation>statut «&#xa0;{0}&#xa0;» inconnu (au choix&#xa0;: {1})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a retention period is 1 to {0} years, not {1}</source>
        <translation>une durée de conservation va de 1 à {0} ans, pas {1}</translation>
    </message>
    <message>
        <location filename="../../app/store/cipher.py" line="+25"/>
        <source>encrypted stores need the sqlcipher3 module (pip install &apos;amicale[encryption]&apos;)</source>
        <translation>les fichiers chiffrés demandent le module sqlcipher3 (pip install &apos;amicale[encryption]&apos;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} is encrypted (or not an Amicale data file): give its passphrase (AMICALE_PASSPHRASE); the file was not changed</source>
        <translation>{0} est chiffré (ou n’est pas un fichier de données Amicale)&#xa0;: donnez sa phrase de passe (AMICALE_PASSPHRASE)&#xa0;; le fichier n’a pas été modifié</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>wrong passphrase for {0} (or not an Amicale data file); the file was not changed</source>
        <translation>phrase de passe incorrecte pour {0} (ou ce n’est pas un fichier de données Amicale)&#xa0;; le fichier n’a pas été modifié</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a passphrase cannot be empty</source>
        <translation>une phrase de passe ne peut pas être vide</translation>
    </message>
    <message>
        <location filename="../../app/store/engine.py" line="-14"/>
        <source>{0} is not possible yet in a team directory ({1}): do it in a data file, then copy it to the server</source>
        <translation>{0} n’est pas encore possible dans un annuaire d’équipe ({1}) : faites-le dans un fichier de données, puis copiez-le sur le serveur</translation>
    </message>
    <message>
        <location filename="../../app/failures.py" line="+113"/>
        <source>the team server cannot be reached ({0}); nothing was written, try again</source>
        <translation>le serveur d’équipe est injoignable ({0}) ; rien n’a été écrit, réessayez</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>your role in this team does not allow this change ({0}); ask the team&apos;s administrator</source>
        <translation>votre rôle dans cette équipe ne permet pas cette modification ({0}) ; demandez à l’administrateur de l’équipe</translation>
    </message>
    <message>
        <location filename="../../app/store/address.py" line="+24"/>
        <source>&apos;{0}&apos; is not a kind of store Amicale opens: give a data file&apos;s path, or a team server as postgresql://user@host/database</source>
        <translation>« {0} » n’est pas un type de stockage qu’Amicale sait ouvrir : indiquez le chemin d’un fichier de données, ou un serveur d’équipe sous la forme postgresql://utilisateur@hôte/base</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;{0}&apos; is not a valid team server address (postgresql://user@host/database)</source>
        <translation>« {0} » n’est pas une adresse de serveur d’équipe valide (postgresql://utilisateur@hôte/base)</translation>
    </message>
    <message>
        <location filename="../../app/store/server.py" line="+29"/>
        <source>cannot reach the team server {0}: {1}</source>
        <translation>impossible de joindre le serveur d’équipe {0} : {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the team server {0} refused the connection: {1}</source>
        <translation>le serveur d’équipe {0} a refusé la connexion : {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the team directory {0} was written by a newer version of Amicale (schema {1}); update Amicale to open it. Nothing was changed.</source>
        <translation>l’annuaire d’équipe {0} a été écrit par une version plus récente d’Amicale (schéma {1}) ; mettez Amicale à jour pour l’ouvrir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../app/members/service.py" line="+194"/>
        <source>member {0} was changed by someone else meanwhile ({1}): choose the values to keep</source>
        <translation>le membre {0} a été modifié par quelqu’un d’autre entre-temps ({1}) : choisissez les valeurs à garder</translation>
    </message>
    <message>
        <location filename="../../app/team.py" line="+38"/>
        <source>this is a data file, not a team directory: team commands need postgresql://…</source>
        <translation>c’est un fichier de données, pas un annuaire d’équipe : les commandes team demandent postgresql://…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;{0}&apos; cannot be a login name: lower-case letters, digits and _, starting with a letter</source>
        <translation>« {0} » ne peut pas être un identifiant : lettres minuscules, chiffres et _, en commençant par une lettre</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;{0}&apos; is not a role (known: {1})</source>
        <translation>« {0} » n’est pas un rôle (connus : {1})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is not in this team</source>
        <translation>{0} ne fait pas partie de cette équipe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} is the team&apos;s only administrator</source>
        <translation>{0} est le seul administrateur de l’équipe</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>{0} already exists: give the team export the name of a new file</source>
        <translation>{0} existe déjà : donnez à l’export de l’équipe le nom d’un nouveau fichier</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the team directory {0} is not empty ({1} members, {2} tags, {3} posts): a data file is copied onto an empty directory only</source>
        <translation>l’annuaire d’équipe {0} n’est pas vide ({1} membres, {2} étiquettes, {3} publications) : un fichier de données ne se copie que sur un annuaire vide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} is a team directory, not a data file: team import copies a data file</source>
        <translation>{0} est un annuaire d’équipe, pas un fichier de données : team import copie un fichier de données</translation>
    </message>
    <message>
        <location filename="../../app/store/bulk.py" line="+393"/>
        <source>someone else is adding members to the team directory: try again when they have finished</source>
        <translation>quelqu’un d’autre ajoute des membres à l’annuaire d’équipe : réessayez quand il aura fini</translation>
    </message>
    <message>
        <location filename="../../app/store/copy.py" line="+121"/>
        <source>the copy in {0} does not hold the same rows as its source (tables: {1})</source>
        <translation>la copie dans {0} ne contient pas les mêmes lignes que sa source (tables : {1})</translation>
    </message>
</context>
<context>
    <name>ModerationController</name>
    <message>
        <location filename="../../ui/controllers/moderation.py" line="+140"/>
        <source>The queue could not be read: %1</source>
        <translation>Impossible de lire la file&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n item(s) to moderate</source>
        <translation>
            <numerusform>%n élément à modérer</numerusform>
            <numerusform>%n éléments à modérer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 jours</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>median time to decision: %1</source>
        <translation>délai médian de décision&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1: %n decision(s) (%3)</source>
        <translation>
            <numerusform>%1&#xa0;: %n décision (%3)</numerusform>
            <numerusform>%1&#xa0;: %n décisions (%3)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n automatic</source>
        <translation>
            <numerusform>%n automatique</numerusform>
            <numerusform>%n automatiques</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+32"/>
        <source>class of %1</source>
        <translation>promo %1</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>To verify (%1)</source>
        <translation>À vérifier (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To verify</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>undone</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>to %1</source>
        <translation>pour %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>received %1</source>
        <translation>reçu le %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Suggestion: %1 — %2</source>
        <translation>Suggestion&#xa0;: %1 — %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+9"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>risk %1 (a rejection is suggested from %2)</source>
        <translation>risque %1 (un refus est suggéré à partir de %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no warning sign</source>
        <translation>aucun signal d’alerte</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>reply copied to the clipboard</source>
        <translation>réponse copiée dans le presse-papiers</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No decision to undo.</source>
        <translation>Aucune décision à annuler.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Approving…</source>
        <translation>Acceptation en cours…</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n known graduate(s) approved.</source>
        <translation>
            <numerusform>%n diplômé connu accepté.</numerusform>
            <numerusform>%n diplômés connus acceptés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Imported: %1 added, %2 merged, %3 decided by the rules.</source>
        <translation>Import&#xa0;: %1 ajoutés, %2 fusionnés, %3 décidés par les règles.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n bad row(s), nothing imported:</source>
        <translation>
            <numerusform>%n ligne incorrecte, rien n&apos;a été importé&#xa0;:</numerusform>
            <numerusform>%n lignes incorrectes, rien n&apos;a été importé&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModerationPanel</name>
    <message>
        <location line="-389"/>
        <source>Request from %1: approved</source>
        <translation>Demande de %1&#xa0;: acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1: rejected</source>
        <translation>Demande de %1&#xa0;: refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1: information asked</source>
        <translation>Demande de %1&#xa0;: informations demandées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1: passed on</source>
        <translation>Demande de %1&#xa0;: transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1: snoozed</source>
        <translation>Demande de %1&#xa0;: remise à plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request from %1: pending</source>
        <translation>Demande de %1&#xa0;: en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: approved</source>
        <translation>Publication de %1&#xa0;: acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: rejected</source>
        <translation>Publication de %1&#xa0;: refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: information asked</source>
        <translation>Publication de %1&#xa0;: informations demandées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: passed on</source>
        <translation>Publication de %1&#xa0;: transmise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: snoozed</source>
        <translation>Publication de %1&#xa0;: remise à plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post by %1: pending</source>
        <translation>Publication de %1&#xa0;: en attente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decision on the request from %1 undone.</source>
        <translation>Décision sur la demande de %1 annulée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision on the post by %1 undone.</source>
        <translation>Décision sur la publication de %1 annulée.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/moderation.py" line="+70"/>
        <source>School register</source>
        <translation>Registre de l&apos;école</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diploma seen</source>
        <translation>Diplôme vu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alumni directory</source>
        <translation>Annuaire des anciens</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join requests</source>
        <translation>Demandes d&apos;adhésion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Posts</source>
        <translation>Publications</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All suggestions</source>
        <translation>Toutes les suggestions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested: approve</source>
        <translation>Suggéré&#xa0;: accepter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested: review</source>
        <translation>Suggéré&#xa0;: examiner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggested: reject</source>
        <translation>Suggéré&#xa0;: refuser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a request by hand, or paste several lines</source>
        <translation>Ajouter une demande à la main, ou coller plusieurs lignes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import file…</source>
        <translation>Importer un fichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join requests and posts from a CSV or JSON file</source>
        <translation>Demandes d&apos;adhésion et publications depuis un fichier CSV ou JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Approve known graduates</source>
        <translation>Accepter les diplômés connus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve every join request whose email or profile is in the directory</source>
        <translation>Accepter chaque demande d&apos;adhésion dont le courriel ou le profil est dans l&apos;annuaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo last decision</source>
        <translation>Annuler la dernière décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the last decided item back in the queue (U)</source>
        <translation>Remettre le dernier élément décidé dans la file (U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings…</source>
        <translation>Réglages…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keyword and domain lists, canned replies, automatic rules</source>
        <translation>Listes de mots et de domaines, réponses types, règles automatiques</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Snoozed too</source>
        <translation>Reportés aussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also list the items snoozed until later</source>
        <translation>Lister aussi les éléments reportés à plus tard</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Mark verified</source>
        <translation>Marquer vérifié</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Members let in through the queue whose degree is not checked yet.</source>
        <translation>Membres admis par la file dont le diplôme n&apos;a pas encore été vérifié.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Undo this decision</source>
        <translation>Annuler cette décision</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queue</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To verify</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>Décisions</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Double-click: show the member</source>
        <translation>Double-clic&#xa0;: afficher le membre</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reply sent with a rejection; copied to the clipboard to paste</source>
        <translation>La réponse envoyée avec un refus&#xa0;; copiée dans le presse-papiers pour la coller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve (A)</source>
        <translation>&amp;Accepter (A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reject (R)</source>
        <translation>&amp;Refuser (R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ask &amp;info (I)</source>
        <translation>Demander des &amp;infos (I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Escalate (E)</source>
        <translation>Transm&amp;ettre (E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze a day (S)</source>
        <translation>Reporter d&apos;un jour (&amp;S)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matching members</source>
        <translation>Membres correspondants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply with a rejection:</source>
        <translation>Réponse en cas de refus&#xa0;:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing to moderate: click Add… to paste join requests, or Import file… for a CSV or JSON export.</source>
        <translation>Rien à modérer&#xa0;: cliquez sur Ajouter… pour coller des demandes d’adhésion, ou sur Importer un fichier… pour un export CSV ou JSON.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>All communities</source>
        <translation>Toutes les communautés</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Nothing selected</source>
        <translation>Aucune sélection</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Import join requests and posts</source>
        <translation>Importer des demandes d&apos;adhésion et des publications</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV or JSON (*.csv *.json *.txt);;All files (*)</source>
        <translation>CSV ou JSON (*.csv *.json *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing…</source>
        <translation>Import en cours…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
</context>
<context>
    <name>ModerationQueueModel</name>
    <message>
        <location filename="../../ui/models/moderation_queue.py" line="+31"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestion</source>
        <translation>Suggestion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduate</source>
        <translation>Diplômé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signals</source>
        <translation>Signaux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Join request</source>
        <translation>Demande d&apos;adhésion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Known graduate</source>
        <translation>Diplômé connu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Probable graduate</source>
        <translation>Diplômé probable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Examiner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject</source>
        <translation>Refuser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>information asked</source>
        <translation>informations demandées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalated</source>
        <translation>transmis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>snoozed</source>
        <translation>reporté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
</context>
<context>
    <name>ModerationSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/moderation_settings.py" line="+34"/>
        <source>Recruiting words</source>
        <translation>Mots de recrutement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commercial words</source>
        <translation>Mots commerciaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam words</source>
        <translation>Mots de spam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link shorteners</source>
        <translation>Raccourcisseurs de liens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blocked domains</source>
        <translation>Domaines bloqués</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allowed domains (the association&apos;s sites)</source>
        <translation>Domaines autorisés (les sites de l&apos;association)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Moderation settings</source>
        <translation>Réglages de la modération</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>One per line; a trailing * matches any ending</source>
        <translation>Un par ligne&#xa0;; un * final accepte toute terminaison</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+5"/>
        <source>Separate the replies with an empty line</source>
        <translation>Séparez les réponses par une ligne vide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} is replaced by the person&apos;s name</source>
        <translation>{name} est remplacé par le nom de la personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected join requests</source>
        <translation>Demandes d’adhésion refusées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Commercial posts</source>
        <translation>Publications commerciales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job offers</source>
        <translation>Offres d’emploi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spam</source>
        <translation>Indésirables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other posts</source>
        <translation>Autres publications</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask for information</source>
        <translation>Demande d&apos;informations</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve known graduates automatically</source>
        <translation>Accepter automatiquement les diplômés connus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject automatically above this score:</source>
        <translation>Refuser automatiquement au-dessus de ce score&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suggest a rejection from score</source>
        <translation>Suggérer un refus à partir du score</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Rules apply to new items only; every automatic decision is listed in the Decisions tab and can be undone.</source>
        <translation>Les règles s&apos;appliquent aux nouveaux éléments seulement&#xa0;; chaque décision automatique figure dans l&apos;onglet Décisions et peut être annulée.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lists</source>
        <translation>Listes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules</source>
        <translation>Règles</translation>
    </message>
</context>
<context>
    <name>NewsletterDialog</name>
    <message>
        <location filename="../../ui/dialogs/newsletter_dialog.py" line="+80"/>
        <source>Send newsletter</source>
        <translation>Envoyer la lettre d’information</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Recipients</source>
        <translation>Destinataires</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Typed search</source>
        <translation>Recherche saisie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all members, or a search such as tag:lyon</source>
        <translation>tous les membres, ou une recherche comme tag:lyon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fields: {prénom} {nom} {promo} {association}</source>
        <translation>Champs&#xa0;: {prénom} {nom} {promo} {association}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mail server…</source>
        <translation>Serveur de messagerie…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Send test to me</source>
        <translation>M’envoyer un test</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+89"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Cancel sending</source>
        <translation>Interrompre l’envoi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a test to yourself first.</source>
        <translation>Envoyez-vous d’abord un test.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This is a post of the calendar: once the send is over, it is marked published.</source>
        <translation>C’est une publication du calendrier&#xa0;: une fois l’envoi terminé, elle est marquée publiée.</translation>
    </message>
    <message numerus="yes">
        <location line="+65"/>
        <source>Send to %n member(s)</source>
        <translation>
            <numerusform>Envoyer à %n membre</numerusform>
            <numerusform>Envoyer à %n membres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No mail server is set up yet.</source>
        <translation>Aucun serveur de messagerie n’est encore configuré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent through %1:%2 (%3) from %4</source>
        <translation>Envoyé par %1:%2 (%3) depuis %4</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>at most %n message(s) a minute</source>
        <translation>
            <numerusform>au plus %n message par minute</numerusform>
            <numerusform>au plus %n messages par minute</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>An interrupted send “%1”: %2 of %3 sent, %4 still to send.</source>
        <translation>Un envoi interrompu «&#xa0;%1&#xa0;»&#xa0;: %2 envoyés sur %3, %4 restent à envoyer.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n member(s) with an email address and the newsletter consent</source>
        <translation>
            <numerusform>%n membre avec une adresse électronique et le consentement à la lettre d’information</numerusform>
            <numerusform>%n membres avec une adresse électronique et le consentement à la lettre d’information</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Preview (nobody to send to yet)</source>
        <translation>Aperçu (personne à qui envoyer pour l’instant)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview for %1 &lt;%2&gt;</source>
        <translation>Aperçu pour %1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Subject: %1</source>
        <translation>Objet&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Mail server password</source>
        <translation>Mot de passe du serveur de messagerie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password for %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2&#xa0;:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sending a test to %1…</source>
        <translation>Envoi d’un test à %1…</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 of %2 handled…</source>
        <translation>%1 sur %2 traités…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Test sent to %1. Check it, then send.</source>
        <translation>Test envoyé à %1. Vérifiez-le, puis envoyez.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Newsletter sent to %n member(s).</source>
        <translation>
            <numerusform>Lettre d’information envoyée à %n membre.</numerusform>
            <numerusform>Lettre d’information envoyée à %n membres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n address(es) refused by the server.</source>
        <translation>
            <numerusform>%n adresse refusée par le serveur.</numerusform>
            <numerusform>%n adresses refusées par le serveur.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending paused. Resume it any time: nobody will receive it twice.</source>
        <translation>Envoi en pause. Reprenez-le quand vous voulez&#xa0;: personne ne le recevra deux fois.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The test was not sent: %1</source>
        <translation>Le test n’a pas été envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stopping after the current message…</source>
        <translation>Arrêt après le message en cours…</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../app/operations/calendar.py" line="+38"/>
        <source>New post</source>
        <translation>nouvelle publication</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit post</source>
        <translation>modification de la publication</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Post state</source>
        <translation>état de la publication</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete post</source>
        <translation>suppression de la publication</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attach a file</source>
        <translation>ajout d’une pièce jointe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove an attachment</source>
        <translation>retrait d’une pièce jointe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mark as published</source>
        <translation>marquer comme publié</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark as failed</source>
        <translation>marquer comme en échec</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Try again</source>
        <translation>nouvel essai</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday wished</source>
        <translation>anniversaire souhaité</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Birthday to wish again</source>
        <translation>anniversaire à souhaiter de nouveau</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Birthdays wished</source>
        <translation>Anniversaires souhaités</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Birthdays to wish again</source>
        <translation>Anniversaires à souhaiter de nouveau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Birthday message</source>
        <translation>message d’anniversaire</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save segment</source>
        <translation>enregistrement du segment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rename segment</source>
        <translation>renommage du segment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit segment</source>
        <translation>modification du segment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Duplicate segment</source>
        <translation>duplication du segment</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete segment</source>
        <translation>suppression du segment</translation>
    </message>
    <message>
        <location filename="../../app/operations/members.py" line="+15"/>
        <source>New member</source>
        <translation>nouveau membre</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit member</source>
        <translation>modification du membre</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Delete members</source>
        <translation>suppression de membres</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore members</source>
        <translation>restauration de membres</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Merge members</source>
        <translation>fusion de membres</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge duplicates</source>
        <translation>Fusionner des doublons</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge imported row</source>
        <translation>fusion d’une ligne importée</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose the imported values</source>
        <translation>Choisir les valeurs importées</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add imported row</source>
        <translation>ajout d’une ligne importée</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dismiss imported row</source>
        <translation>abandon d’une ligne importée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not the same person</source>
        <translation>«&#xa0;pas la même personne&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../app/operations/moderation.py" line="+28"/>
        <source>Moderation decision</source>
        <translation>décision de modération</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Undo moderation decision</source>
        <translation>annulation d’une décision de modération</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Approve known graduates</source>
        <translation>acceptation des diplômés connus</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Degree check</source>
        <translation>vérification du diplôme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add to the queue</source>
        <translation>ajout à la file</translation>
    </message>
    <message>
        <location filename="../../app/operations/tags.py" line="+21"/>
        <source>New tag</source>
        <translation>nouvelle étiquette</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rename tag</source>
        <translation>renommage d’étiquette</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tag colour</source>
        <translation>couleur d’étiquette</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Move tag</source>
        <translation>déplacement d’étiquette</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Merge tags</source>
        <translation>fusion d’étiquettes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete tag</source>
        <translation>suppression d’étiquette</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Restore tag</source>
        <translation>restauration d’étiquette</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+17"/>
        <location line="+8"/>
        <source>Tagging</source>
        <translation>étiquetage</translation>
    </message>
    <message>
        <location filename="../../app/operations/settings.py" line="+23"/>
        <source>Channel settings</source>
        <translation>réglages des canaux</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New event</source>
        <translation>nouvel événement</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+7"/>
        <source>Tagging rule</source>
        <translation>règle d’étiquetage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete tagging rule</source>
        <translation>suppression d’une règle d’étiquetage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Apply tagging rules</source>
        <translation>application des règles d’étiquetage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Moderation settings</source>
        <translation>réglages de la modération</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The association</source>
        <translation>l’association</translation>
    </message>
    <message>
        <location filename="../../app/operations/privacy.py" line="+36"/>
        <location line="+27"/>
        <source>Record consent</source>
        <translation>Enregistrer un consentement</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Log a request</source>
        <translation>Enregistrer une demande</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mark a request answered</source>
        <translation>Marquer une demande traitée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change a retention rule</source>
        <translation>Modifier une règle de conservation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit the register</source>
        <translation>Modifier le registre</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../ui/application.py" line="+73"/>
        <source>Encrypted data file</source>
        <translation>Fichier de données chiffré</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong passphrase. Passphrase of %1:</source>
        <translation>Phrase de passe incorrecte. Phrase de passe de %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is encrypted. Its passphrase:</source>
        <translation>%1 est chiffré. Sa phrase de passe&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <location filename="../../ui/dialogs/post_editor.py" line="+43"/>
        <source>Edit post</source>
        <translation>Modifier la publication</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Title (for you; not published)</source>
        <translation>Titre (pour vous, non publié)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the post once; adapt it per channel.</source>
        <translation>Écrivez la publication une fois, adaptez-la pour chaque canal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Dated</source>
        <translation>Datée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add to queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The next free weekly slot of the ticked channels</source>
        <translation>Le prochain créneau hebdomadaire libre des canaux cochés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Does not repeat</source>
        <translation>Ne se répète pas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every week</source>
        <translation>Chaque semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every month</source>
        <translation>Chaque mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every year</source>
        <translation>Chaque année</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attach…</source>
        <translation>Joindre…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save as draft</source>
        <translation>Enregistrer comme brouillon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel this post</source>
        <translation>Annuler cette publication</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeats</source>
        <translation>Répétition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attachments</source>
        <translation>Pièces jointes</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Recover the draft</source>
        <translation>Récupérer le brouillon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This post has changes that were never saved (Amicale closed before). Recover them?</source>
        <translation>Cette publication a des modifications jamais enregistrées (Amicale s’est fermé avant). Les récupérer&#xa0;?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unsaved post</source>
        <translation>Publication non enregistrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This post has unsaved changes. Save them as a draft?</source>
        <translation>Cette publication a des modifications non enregistrées. Les enregistrer comme brouillon&#xa0;?</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>This post was published; it can no longer change.</source>
        <translation>Cette publication a été publiée&#xa0;; elle ne peut plus changer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 characters</source>
        <translation>%1 caractères</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caractères</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>strictest limit</source>
        <translation>limite la plus stricte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too long by %1</source>
        <translation>%1 de trop</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Attach images</source>
        <translation>Joindre des images</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.gif *.webp);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The link must start with http:// or https://.</source>
        <translation>Le lien doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Too long for %1.</source>
        <translation>Trop long pour %1.</translation>
    </message>
</context>
<context>
    <name>PostStates</name>
    <message>
        <location filename="../../ui/models/posts.py" line="-124"/>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled</source>
        <translation>Programmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>À publier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Publié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>PostTableModel</name>
    <message>
        <location line="-11"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels</source>
        <translation>Canaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
</context>
<context>
    <name>PostsController</name>
    <message>
        <location filename="../../ui/controllers/posts.py" line="+108"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+81"/>
        <source>%n post(s) to publish now</source>
        <translation>
            <numerusform>%n publication à faire maintenant</numerusform>
            <numerusform>%n publications à faire maintenant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Week of %1: %n post(s)</source>
        <translation>
            <numerusform>Semaine du %1&#xa0;: %n publication</numerusform>
            <numerusform>Semaine du %1&#xa0;: %n publications</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Moved to %1.</source>
        <translation>Déplacée au %1.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 post(s) imported, %2 row(s) refused.</source>
        <translation>%1 publication(s) importée(s), %2 ligne(s) refusée(s).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n draft(s) prepared for the event.</source>
        <translation>
            <numerusform>%n brouillon préparé pour l’événement.</numerusform>
            <numerusform>%n brouillons préparés pour l’événement.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n’a été modifié.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 draft(s) created from the feed, %2 already known.</source>
        <translation>%1 brouillon(s) créé(s) depuis le flux, %2 déjà connu(s).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Writing the feed…</source>
        <translation>Écriture du flux…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Feed written: %1 published post(s) in %2.</source>
        <translation>Flux écrit&#xa0;: %1 publication(s) dans %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing the calendar…</source>
        <translation>Écriture du calendrier…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Calendar written: %1 post(s) in %2.</source>
        <translation>Calendrier écrit&#xa0;: %1 publication(s) dans %2.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No web browser opened. The text for %1 is on the clipboard: open this address in your browser, paste it, post it, then “Mark as published”:
%2</source>
        <translation>Aucun navigateur web ne s’est ouvert. Le texte pour %1 est dans le presse-papiers&#xa0;: ouvrez cette adresse dans votre navigateur, collez-le, publiez, puis «&#xa0;Marquer comme publié&#xa0;»&#xa0;:
%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The text for %1 is on the clipboard. Paste it, post it, then “Mark as published”.</source>
        <translation>Le texte pour %1 est dans le presse-papiers. Collez-le, publiez, puis «&#xa0;Marquer comme publié&#xa0;».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The address must start with http:// or https://.</source>
        <translation>L’adresse doit commencer par http:// ou https://.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Marked as published on %1.</source>
        <translation>Marquée comme publiée sur %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
</context>
<context>
    <name>PostsPanel</name>
    <message>
        <location filename="../../ui/panels/posts.py" line="+114"/>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New post…</source>
        <translation>Nouvelle publication…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New event…</source>
        <translation>Nouvel événement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import posts from CSV…</source>
        <translation>Importer des publications (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels…</source>
        <translation>Canaux…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import content ideas…</source>
        <translation>Importer des idées de contenu…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the Atom feed…</source>
        <translation>Exporter le flux Atom…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the calendar (iCalendar)…</source>
        <translation>Exporter le calendrier (iCalendar)…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>+%1 more</source>
        <translation>+%1 autres</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Publish</source>
        <translation>Publier</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+394"/>
        <source>Copy the channel&apos;s text and open the network&apos;s page to post it</source>
        <translation>Copier le texte du canal et ouvrir la page du réseau pour le publier</translation>
    </message>
    <message>
        <location line="-392"/>
        <source>Mark as published…</source>
        <translation>Marquer comme publié…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark as failed…</source>
        <translation>Marquer en échec…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due now</source>
        <translation>À publier maintenant</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rhythm this week</source>
        <translation>Rythme de la semaine</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing planned in this period: click New post… or double-click a day.</source>
        <translation>Rien de prévu sur cette période&#xa0;: cliquez sur Nouvelle publication… ou double-cliquez sur un jour.</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export the Atom feed</source>
        <translation>Exporter le flux Atom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Atom feeds (*.atom *.xml);;All files (*)</source>
        <translation>Flux Atom (*.atom *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>Fichiers iCalendar (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send it to the members: opens the newsletter with this text</source>
        <translation>L’envoyer aux membres&#xa0;: ouvre la lettre d’information avec ce texte</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Mark as published</source>
        <translation>Marquer comme publié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address of the post on %1 (optional):</source>
        <translation>Adresse de la publication sur %1 (facultatif)&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Mark as failed</source>
        <translation>Marquer en échec</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What went wrong?</source>
        <translation>Qu’est-ce qui n’a pas fonctionné&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <location filename="../../app/privacy/consent.py" line="-114"/>
        <source>Newsletter</source>
        <translation>Lettre d’information</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I agree to receive the association&apos;s newsletter by email.</source>
        <translation>J’accepte de recevoir la lettre d’information de l’association par courriel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Directory visible to other alumni</source>
        <translation>Annuaire visible des autres diplômés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My name, class year and professional details appear in the directory other alumni can consult.</source>
        <translation>Mon nom, ma promotion et mes informations professionnelles figurent dans l’annuaire que les autres diplômés peuvent consulter.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Event invitations</source>
        <translation>Invitations aux événements</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I agree to be invited to the association&apos;s events.</source>
        <translation>J’accepte d’être invité aux événements de l’association.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sharing with partner schools</source>
        <translation>Partage avec les écoles partenaires</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I agree that my contact details be shared with the school and its partner schools.</source>
        <translation>J’accepte que mes coordonnées soient communiquées à l’école et à ses écoles partenaires.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>member card</source>
        <translation>fiche du membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>command line</source>
        <translation>ligne de commande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>import</source>
        <translation>import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recorded before consent per purpose</source>
        <translation>enregistré avant le consentement par finalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit of the newsletter consent</source>
        <translation>modification du consentement à la lettre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sample association</source>
        <translation>association d’exemple</translation>
    </message>
    <message>
        <location filename="../../app/privacy/documents.py" line="+37"/>
        <source>Your personal data held by %1</source>
        <translation>Vos données personnelles détenues par %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In answer to your request, here is all the information %1 holds about you, as of %2. You may ask us to correct it, to stop using it for any of the purposes below, or to erase it.</source>
        <translation>En réponse à votre demande, voici toutes les informations que %1 détient sur vous au %2. Vous pouvez nous demander de les corriger, de ne plus les utiliser pour l’une des finalités ci-dessous, ou de les effacer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your file</source>
        <translation>Votre fiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups and communities</source>
        <translation>Groupes et communautés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your choices, purpose by purpose</source>
        <translation>Vos choix, finalité par finalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>given</source>
        <translation>donné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused</source>
        <translation>refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never asked</source>
        <translation>jamais demandé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 on %2 (source: %3)</source>
        <translation>%1 le %2 (source&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History of your file</source>
        <translation>Historique de votre fiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletters sent to you</source>
        <translation>Lettres d’information qui vous ont été envoyées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birthday wishes</source>
        <translation>Vœux d’anniversaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your requests</source>
        <translation>Vos demandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For %1,</source>
        <translation>Pour %1,</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Register of processing — %1</source>
        <translation>Registre des traitements — %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Processing: the directory of the association&apos;s graduates, kept with Amicale on the community managers&apos; computers. Controller: %1. Generated on %2; edit it to match how the association really works.</source>
        <translation>Traitement&#xa0;: l’annuaire des diplômés de l’association, tenu avec Amicale sur les ordinateurs des animateurs. Responsable du traitement&#xa0;: %1. Généré le %2&#xa0;; modifiez-le pour qu’il décrive le fonctionnement réel de l’association.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data kept about each member</source>
        <translation>Données conservées sur chaque membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also: tags, groups and communities, the history of changes (who changed what, when), newsletters sent, birthday wishes, join requests and their moderation.</source>
        <translation>Ainsi que&#xa0;: les étiquettes, groupes et communautés, l’historique des modifications (qui a changé quoi, quand), les lettres envoyées, les vœux d’anniversaire, les demandes d’adhésion et leur modération.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Purposes and legal basis</source>
        <translation>Finalités et base légale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: on the member&apos;s consent, recorded with its date, source and wording.</source>
        <translation>%1&#xa0;: sur le consentement du membre, enregistré avec sa date, sa source et son texte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: on the association&apos;s legitimate interest; a member who objects is left out.</source>
        <translation>%1&#xa0;: sur l’intérêt légitime de l’association&#xa0;; un membre qui s’y oppose en est écarté.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long data is kept</source>
        <translation>Durée de conservation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %n years without news, then the member is proposed for erasure (never erased without a decision).</source>
        <translation>%1&#xa0;: %n ans sans nouvelles, puis le membre est proposé à l’effacement (jamais effacé sans décision).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No retention rule is set: members are kept until they ask to be erased.</source>
        <translation>Aucune règle de conservation&#xa0;: les membres sont conservés jusqu’à ce qu’ils demandent leur effacement.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who receives the data</source>
        <translation>Destinataires des données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The association&apos;s community managers. Exports for a purpose leave out the members it does not allow; each export is logged. Nothing is sent elsewhere unless a CM exports it.</source>
        <translation>Les animateurs de l’association. Les exports pour une finalité écartent les membres qu’elle n’autorise pas&#xa0;; chaque export est enregistré. Rien n’est envoyé ailleurs sans qu’un animateur l’exporte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data file is readable by its owner only; erasure overwrites the deleted data; backups are verified copies, listed for replacement after an erasure.</source>
        <translation>Le fichier de données n’est lisible que par son propriétaire&#xa0;; l’effacement écrase les données supprimées&#xa0;; les sauvegardes sont des copies vérifiées, listées pour être remplacées après un effacement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rights of the people</source>
        <translation>Droits des personnes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access, rectification, objection and erasure requests are logged with the date received and answered; they are answered within one month.</source>
        <translation>Les demandes d’accès, de rectification, d’opposition et d’effacement sont enregistrées avec leur date de réception et de réponse&#xa0;; il y est répondu sous un mois.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Former members</source>
        <translation>Anciens membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost touch</source>
        <translation>Perdus de vue</translation>
    </message>
</context>
<context>
    <name>PrivacyPanel</name>
    <message>
        <location filename="../../ui/panels/privacy.py" line="+106"/>
        <source>Requests</source>
        <translation>Demandes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retention</source>
        <translation>Conservation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register of processing</source>
        <translation>Registre des traitements</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+62"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer by</source>
        <translation>Répondre avant le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show the answered ones</source>
        <translation>Afficher les demandes traitées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark answered today</source>
        <translation>Marquer traitée aujourd’hui</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access and erasure requests must be answered within one month. Log them from the member&apos;s card (Request received); a copy of the data made from the card answers an access request.</source>
        <translation>Il faut répondre aux demandes d’accès et d’effacement sous un mois. Enregistrez-les depuis la fiche du membre (Demande reçue)&#xa0;; une copie des données faite depuis la fiche répond à une demande d’accès.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>How long a member may stay without news before Amicale proposes to erase them. Nothing is erased without your decision: select people below and delete them permanently, or bring their file up to date to keep them.</source>
        <translation>Combien de temps un membre peut rester sans nouvelles avant qu’Amicale propose de l’effacer. Rien n’est effacé sans votre décision&#xa0;: sélectionnez des personnes ci-dessous et supprimez-les définitivement, ou mettez leur fiche à jour pour les garder.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no rule</source>
        <translation>pas de règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> years without news</source>
        <translation> ans sans nouvelles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the rules</source>
        <translation>Enregistrer les règles</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last news</source>
        <translation>Dernières nouvelles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete the selected permanently…</source>
        <translation>Supprimer définitivement la sélection…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep (in touch today)</source>
        <translation>Garder (contact aujourd’hui)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a contact today: the rule starts counting again from now</source>
        <translation>Enregistrer un contact aujourd’hui&#xa0;: la règle recommence à compter d’aujourd’hui</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>An erasure cannot reach into the copies made before it. These backups still hold people erased since: replace each with a clean copy of the data file as it is now (or delete it yourself).</source>
        <translation>Un effacement n’atteint pas les copies faites avant lui. Ces sauvegardes contiennent encore des personnes effacées depuis&#xa0;: remplacez chacune par une copie propre du fichier de données tel qu’il est maintenant (ou supprimez-la vous-même).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Erasures since</source>
        <translation>Effacements depuis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace with a clean copy</source>
        <translation>Remplacer par une copie propre</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate again</source>
        <translation>Générer à nouveau</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export as HTML…</source>
        <translation>Exporter en HTML…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export as PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Erasure</source>
        <translation>Effacement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member #%1 (erased)</source>
        <translation>membre nº %1 (effacé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answered on %1</source>
        <translation>traitée le %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>late by %n day(s)</source>
        <translation>
            <numerusform>en retard de %n jour</numerusform>
            <numerusform>en retard de %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n jour restant</numerusform>
            <numerusform>%n jours restants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n open request(s)</source>
        <translation>
            <numerusform>%n demande en cours</numerusform>
            <numerusform>%n demandes en cours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n late</source>
        <translation>
            <numerusform>%n en retard</numerusform>
            <numerusform>%n en retard</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n member(s) proposed for erasure</source>
        <translation>
            <numerusform>%n membre proposé à l’effacement</numerusform>
            <numerusform>%n membres proposés à l’effacement</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Retention rules saved.</source>
        <translation>Règles de conservation enregistrées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+11"/>
        <source>Delete permanently</source>
        <translation>Supprimer définitivement</translation>
    </message>
    <message numerus="yes">
        <location line="-9"/>
        <source>Delete %n member(s) permanently?</source>
        <translation>
            <numerusform>Supprimer définitivement %n membre&#xa0;?</numerusform>
            <numerusform>Supprimer définitivement %n membres&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything about them is erased from the data file for good. This cannot be undone.</source>
        <translation>Tout ce qui les concerne est effacé du fichier de données pour de bon. C’est irréversible.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Erasing…</source>
        <translation>Effacement…</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n member(s) erased.</source>
        <translation>
            <numerusform>%n membre effacé.</numerusform>
            <numerusform>%n membres effacés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Replacing the backups…</source>
        <translation>Remplacement des sauvegardes…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n backup(s) replaced with a clean copy.</source>
        <translation>
            <numerusform>%n sauvegarde remplacée par une copie propre.</numerusform>
            <numerusform>%n sauvegardes remplacées par une copie propre.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Your edited version, kept in the data file.</source>
        <translation>Votre version modifiée, conservée dans le fichier de données.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generated from what Amicale keeps (fields, purposes, retention rules). Edit it to describe how the association really works, then save.</source>
        <translation>Généré à partir de ce qu’Amicale conserve (champs, finalités, règles de conservation). Modifiez-le pour décrire le fonctionnement réel de l’association, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Register saved.</source>
        <translation>Registre enregistré.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>register</source>
        <translation>registre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export the register</source>
        <translation>Exporter le registre</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Register written to %1.</source>
        <translation>Registre écrit dans %1.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <location filename="../../ui/report_pdf.py" line="+45"/>
        <source>Board report for %1</source>
        <translation>Bilan pour le bureau, %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF document (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>Document PDF (*.pdf);;Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Writing the board report…</source>
        <translation>Écriture du bilan pour le bureau…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Board report written to %1</source>
        <translation>Bilan pour le bureau écrit dans %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Board report</source>
        <translation>Bilan pour le bureau</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/dialogs/team_connect.py" line="+140"/>
        <source>administrator</source>
        <translation>administrateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>animator</source>
        <translation>animateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderator</source>
        <translation>modérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reader</source>
        <translation>lecteur</translation>
    </message>
</context>
<context>
    <name>SegmentList</name>
    <message>
        <location filename="../../ui/panels/segments.py" line="+164"/>
        <source>Segments</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the current search as a segment…</source>
        <translation>Enregistrer la recherche actuelle comme segment…</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+1"/>
        <source>Save the current search as a segment</source>
        <translation>Enregistrer la recherche actuelle comme segment</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>The segments could not be counted: %1</source>
        <translation>Impossible de compter les segments&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+8"/>
        <source>Save the search as a segment</source>
        <translation>Enregistrer la recherche comme segment</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Name of the segment:</source>
        <translation>Nom du segment&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A segment named “%1” already exists. Replace its search?</source>
        <translation>Un segment nommé «&#xa0;%1&#xa0;» existe déjà. Remplacer sa recherche&#xa0;?</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Export the segment “%1”</source>
        <translation>Exporter le segment «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>“%1” is a ready-made segment: it cannot be changed.</source>
        <translation>«&#xa0;%1&#xa0;» est un segment prédéfini&#xa0;: il ne peut pas être modifié.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” is the name of a ready-made segment: choose another name.</source>
        <translation>«&#xa0;%1&#xa0;» est le nom d’un segment prédéfini&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the members</source>
        <translation>Afficher les membres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the search…</source>
        <translation>Modifier la recherche…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Rename the segment</source>
        <translation>Renommer le segment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete the segment</source>
        <translation>Supprimer le segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the segment “%1”? Its members stay; only the saved search goes.</source>
        <translation>Supprimer le segment «&#xa0;%1&#xa0;»&#xa0;? Ses membres restent&#xa0;; seule la recherche enregistrée disparaît.</translation>
    </message>
</context>
<context>
    <name>SegmentListModel</name>
    <message>
        <location filename="../../ui/models/segment_list.py" line="+137"/>
        <source>This search cannot be run any more: edit its query.</source>
        <translation>Cette recherche ne peut plus être lancée&#xa0;: modifiez-la.</translation>
    </message>
</context>
<context>
    <name>SegmentQueryDialog</name>
    <message>
        <location filename="../../ui/panels/segments.py" line="-464"/>
        <source>Edit the segment’s search</source>
        <translation>Modifier la recherche du segment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search of the segment “%1”:</source>
        <translation>Recherche du segment «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SmtpSettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/smtp_settings.py" line="+41"/>
        <source>Mail server</source>
        <translation>Serveur de messagerie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (généralement port 587)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS from the start (usually port 465)</source>
        <translation>TLS dès la connexion (généralement port 465)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (a server on this computer only)</source>
        <translation>Aucune (serveur sur cet ordinateur seulement)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>empty if the server needs no login</source>
        <translation>vide si le serveur ne demande pas d’identification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(kept; type to change)</source>
        <translation>(enregistré&#xa0;; saisir pour changer)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>password</source>
        <translation>mot de passe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the association&apos;s name</source>
        <translation>le nom de l’association</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sender&apos;s address</source>
        <translation>l’adresse de l’expéditeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: where members ask to unsubscribe</source>
        <translation>facultatif&#xa0;: où les membres demandent leur désinscription</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no limit</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender address</source>
        <translation>Adresse de l’expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender name</source>
        <translation>Nom de l’expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send tests to</source>
        <translation>Envoyer les tests à</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unsubscribe address</source>
        <translation>Adresse de désinscription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per minute</source>
        <translation>Messages par minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password is kept in the system keyring.</source>
        <translation>Le mot de passe est conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No system keyring is available: the password is kept in memory until Amicale quits, never written to disk.</source>
        <translation>Aucun trousseau système n’est disponible&#xa0;: le mot de passe est gardé en mémoire jusqu’à la fermeture d’Amicale, jamais écrit sur le disque.</translation>
    </message>
</context>
<context>
    <name>StoreProblem</name>
    <message>
        <location filename="../../ui/dialogs/store_problem.py" line="+19"/>
        <source>Cannot open the data file</source>
        <translation>Impossible d&apos;ouvrir le fichier de données</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open another file…</source>
        <translation>Ouvrir un autre fichier…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Restore a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open a data file</source>
        <translation>Ouvrir un fichier de données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale data (*.sqlite3 *.amicale);;All files (*)</source>
        <translation>Données Amicale (*.sqlite3 *.amicale);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amicale backups (*.sqlite3 *.amicale);;All files (*)</source>
        <translation>Sauvegardes Amicale (*.sqlite3 *.amicale);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore failed</source>
        <translation>Échec de la restauration</translation>
    </message>
    <message>
        <location filename="../../ui/application.py" line="+19"/>
        <source>Team directory</source>
        <translation>Annuaire d’équipe</translation>
    </message>
</context>
<context>
    <name>TagChoiceDialog</name>
    <message>
        <location filename="../../ui/dialogs/tag_choice.py" line="+53"/>
        <source>A tag, or a new one as Category/Name</source>
        <translation>Une étiquette, ou une nouvelle sous la forme Catégorie/Nom</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Paste the emails: one per line, or separated by , or ;</source>
        <translation>Collez les courriels&#xa0;: un par ligne, ou séparés par , ou&#xa0;;</translation>
    </message>
</context>
<context>
    <name>TagRulesDialog</name>
    <message>
        <location filename="../../ui/dialogs/tag_rules.py" line="+56"/>
        <source>Search error at character %1: %2</source>
        <translation>Erreur de recherche au caractère %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+296"/>
        <location line="+6"/>
        <source>Tagging rules</source>
        <translation>Règles d’étiquetage</translation>
    </message>
    <message>
        <location line="-294"/>
        <source>Members matching a rule get its tag when you apply the rules, and after each import. Rules only add tags; they never remove one.</source>
        <translation>Les membres qui répondent à une règle reçoivent son étiquette quand vous appliquez les règles, et après chaque import. Les règles ajoutent des étiquettes&#xa0;; elles n’en retirent jamais.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New rule</source>
        <translation>Nouvelle règle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The city is in a list</source>
        <translation>La ville est dans une liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The class year is between</source>
        <translation>La promo est comprise entre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The member matches a search</source>
        <translation>Le membre répond à une recherche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>One city per line (accents and capitals do not matter)</source>
        <translation>Une ville par ligne (accents et majuscules indifférents)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>from</source>
        <translation>de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A search, e.g. company:sanofi title:pharmacien</source>
        <translation>Une recherche, par ex. entreprise:sanofi poste:pharmacien</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Category/Tag (created if new)</source>
        <translation>Catégorie/Étiquette (créée si nouvelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply automatically after each import</source>
        <translation>Appliquer automatiquement après chaque import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the rule</source>
        <translation>Enregistrer la règle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Condition:</source>
        <translation>Condition&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag:</source>
        <translation>Étiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview:</source>
        <translation>Aperçu&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Apply now</source>
        <translation>Appliquer maintenant</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Checked: applied automatically after each import</source>
        <translation>Cochée&#xa0;: appliquée automatiquement après chaque import</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n member(s) to tag</source>
        <translation>
            <numerusform>%n membre à étiqueter</numerusform>
            <numerusform>%n membres à étiqueter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source>%n member(s) would be newly tagged</source>
        <translation>
            <numerusform>%n membre serait nouvellement étiqueté</numerusform>
            <numerusform>%n membres seraient nouvellement étiquetés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a tag.</source>
        <translation>Choisissez une étiquette.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Delete rule</source>
        <translation>Supprimer la règle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete this rule? The tags it gave stay.</source>
        <translation>Supprimer cette règle&#xa0;? Les étiquettes qu’elle a données restent.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Applying the rules…</source>
        <translation>Application des règles…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No rule is enabled: nothing was applied.</source>
        <translation>Aucune règle n’est active&#xa0;: rien n’a été appliqué.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Rules applied: %n member(s) newly tagged.</source>
        <translation>
            <numerusform>Règles appliquées&#xa0;: %n membre nouvellement étiqueté.</numerusform>
            <numerusform>Règles appliquées&#xa0;: %n membres nouvellement étiquetés.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <location filename="../../ui/panels/tags.py" line="+44"/>
        <source>No category</source>
        <translation>Sans catégorie</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New tag…</source>
        <translation>Nouvelle étiquette…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move to category…</source>
        <translation>Déplacer vers une catégorie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Merge into…</source>
        <translation>Fusionner avec…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag the current search…</source>
        <translation>Étiqueter la recherche en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Untag the current search…</source>
        <translation>Retirer l’étiquette de la recherche en cours…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag a pasted list of emails…</source>
        <translation>Étiqueter une liste d’e-mails collée…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tagging rules…</source>
        <translation>Règles d’étiquetage…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tag actions</source>
        <translation>Actions sur les étiquettes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No tags yet: select members and use Edit → Tag the selection, or import a file with a Tags column.</source>
        <translation>Aucune étiquette pour l’instant&#xa0;: sélectionnez des membres puis Édition → Étiqueter la sélection, ou importez un fichier avec une colonne Étiquettes.</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>The counts could not be computed: %1</source>
        <translation>Les effectifs n’ont pas pu être calculés&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
        <source>New tag</source>
        <translation>Nouvelle étiquette</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Name of the new tag:</source>
        <translation>Nom de la nouvelle étiquette&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Category:</source>
        <translation>Catégorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tag “%1” created.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» créée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Rename tag</source>
        <translation>Renommer l’étiquette</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New name:</source>
        <translation>Nouveau nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Tag renamed.</source>
        <translation>Étiquette renommée.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Colour of “%1”</source>
        <translation>Couleur de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Move tag</source>
        <translation>Déplacer l’étiquette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move “%1” to the category:</source>
        <translation>Déplacer «&#xa0;%1&#xa0;» vers la catégorie&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Tag moved.</source>
        <translation>Étiquette déplacée.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Merge tags</source>
        <translation>Fusionner des étiquettes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge “%1” into:</source>
        <translation>Fusionner «&#xa0;%1&#xa0;» avec&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>“%1” merged into “%2”.</source>
        <translation>«&#xa0;%1&#xa0;» fusionnée avec «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merging the tags…</source>
        <translation>Fusion des étiquettes…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete tag</source>
        <translation>Supprimer l’étiquette</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Delete the tag “%1”? It will be removed from %n member(s); the members stay.</source>
        <translation>
            <numerusform>Supprimer l’étiquette «&#xa0;%1&#xa0;»&#xa0;? Elle sera retirée de %n membre&#xa0;; le membre reste dans le fichier.</numerusform>
            <numerusform>Supprimer l’étiquette «&#xa0;%1&#xa0;»&#xa0;? Elle sera retirée de %n membres&#xa0;; les membres restent dans le fichier.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tag “%1” deleted.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» supprimée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleting the tag…</source>
        <translation>Suppression de l’étiquette…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another change is running; try again when it ends.</source>
        <translation>Une autre modification est en cours&#xa0;; réessayez quand elle sera finie.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Tag “%1” restored.</source>
        <translation>Étiquette «&#xa0;%1&#xa0;» rétablie.</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restoring the tag…</source>
        <translation>Restauration de l’étiquette…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Remove the tag “%1” from every member of the current search?</source>
        <translation>Retirer l’étiquette «&#xa0;%1&#xa0;» de tous les membres de la recherche en cours&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the tag “%1” from every member?</source>
        <translation>Retirer l’étiquette «&#xa0;%1&#xa0;» de tous les membres&#xa0;?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag every member of the current search with “%1”?</source>
        <translation>Ajouter l’étiquette «&#xa0;%1&#xa0;» à tous les membres de la recherche en cours&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag every member with “%1”? There is no search.</source>
        <translation>Ajouter l’étiquette «&#xa0;%1&#xa0;» à tous les membres&#xa0;? Aucune recherche n’est en cours.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tag the current search</source>
        <translation>Étiqueter la recherche en cours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Untag the current search</source>
        <translation>Retirer l’étiquette de la recherche en cours</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Another tagging is running; try again when it ends.</source>
        <translation>Un autre étiquetage est en cours&#xa0;; réessayez quand il sera terminé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Untagging…</source>
        <translation>Retrait de l’étiquette…</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+77"/>
        <source>Tagging…</source>
        <translation>Étiquetage…</translation>
    </message>
    <message numerus="yes">
        <location line="-53"/>
        <source>%n member(s) untagged from “%1”.</source>
        <translation>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée de %n membre.</numerusform>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» retirée de %n membres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <source>%n member(s) newly tagged with “%1”.</source>
        <translation>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» ajoutée à %n membre.</numerusform>
            <numerusform>Étiquette «&#xa0;%1&#xa0;» ajoutée à %n membres.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The current search is not valid; nothing was tagged.</source>
        <translation>La recherche en cours n’est pas valide&#xa0;; rien n’a été étiqueté.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n member(s) tagged.</source>
        <translation>
            <numerusform>%n membre étiqueté.</numerusform>
            <numerusform>%n membres étiquetés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Emails not found</source>
        <translation>E-mails introuvables</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n email(s) match no member:</source>
        <translation>
            <numerusform>%n e-mail ne correspond à aucun membre&#xa0;:</numerusform>
            <numerusform>%n e-mails ne correspondent à aucun membre&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamConnectDialog</name>
    <message>
        <location filename="../../ui/dialogs/team_connect.py" line="-107"/>
        <source>Connect to a team directory</source>
        <translation>Se connecter à un annuaire d’équipe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A team shares one directory on a PostgreSQL server. Ask your team&apos;s administrator for its address and your login.</source>
        <translation>Une équipe partage un annuaire sur un serveur PostgreSQL. Demandez son adresse et votre identifiant à l’administrateur de votre équipe.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Keep the password in the system keyring</source>
        <translation>Garder le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Give a team server&apos;s address: postgresql://login@server/directory</source>
        <translation>Indiquez l’adresse d’un serveur d’équipe : postgresql://identifiant@serveur/annuaire</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> The password is kept in the system keyring.</source>
        <translation> Le mot de passe est gardé dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> This computer has no keyring: the password was not kept.</source>
        <translation> Cet ordinateur n’a pas de trousseau : le mot de passe n’a pas été gardé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to %1 as %2. Amicale opens this team directory at its next start.</source>
        <translation>Connecté à %1 en tant que %2. Amicale ouvrira cet annuaire d’équipe à son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../ui/panels/today.py" line="-71"/>
        <source>LinkedIn</source>
        <translation>LinkedIn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facebook</source>
        <translation>Facebook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>The language of the messages and of the template you edit below</source>
        <translation>La langue des messages et du modèle modifié ci-dessous</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Messages in:</source>
        <translation>Messages en&#xa0;:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Put the messages of the people selected (else of everyone today) on the clipboard, each after its person&apos;s name</source>
        <translation>Copier dans le presse-papiers les messages des personnes sélectionnées (sinon de tous ceux du jour), chacun après le nom de sa personne</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record the wishes of the people selected (else of everyone today), through the channel chosen on the right</source>
        <translation>Enregistrer les vœux des personnes sélectionnées (sinon de tous ceux du jour), par le canal choisi à droite</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+283"/>
        <source>Nobody left to wish today.</source>
        <translation>Plus personne à fêter aujourd’hui.</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>No birthdays to show: fill in the members&apos; dates of birth, or import them, to see here who to wish.</source>
        <translation>Aucun anniversaire à afficher&#xa0;: renseignez les dates de naissance des membres, ou importez-les, pour voir ici qui fêter.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Birthday message</source>
        <translation>Message d’anniversaire</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select someone in a list.</source>
        <translation>Choisissez une personne dans une liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can change this message before copying it; the template stays as it is</source>
        <translation>Vous pouvez modifier ce message avant de le copier&#xa0;; le modèle reste tel quel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy message</source>
        <translation>Copier le message</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the message on the clipboard, to paste it</source>
        <translation>Mettre le message dans le presse-papiers, pour le coller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open profile</source>
        <translation>Ouvrir le profil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How you wished them</source>
        <translation>Par quel moyen vous avez souhaité l’anniversaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Fait</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the wish: they will not be listed again before next year</source>
        <translation>Noter les vœux envoyés&#xa0;: la personne ne sera plus proposée avant l’an prochain</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not done yet</source>
        <translation>Pas encore fait</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget this wish: they are listed as pending again</source>
        <translation>Oublier ces vœux&#xa0;: la personne est de nouveau à fêter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Wished via</source>
        <translation>Vœux envoyés via</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Message template</source>
        <translation>Modèle de message</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Save template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default text</source>
        <translation>Texte par défaut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the default text in the editor (saved only with Save template)</source>
        <translation>Remettre le texte par défaut dans l’éditeur (enregistré seulement avec «&#xa0;Enregistrer le modèle&#xa0;»)</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Birthdays of %1</source>
        <translation>Anniversaires du %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The birthdays could not be read: %1</source>
        <translation>Impossible de lire les anniversaires&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Today (%1)</source>
        <translation>Aujourd’hui (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next %1 days (%2)</source>
        <translation>Les %1 prochains jours (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done (%1)</source>
        <translation>Déjà fêtés (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No birthday today.</source>
        <translation>Pas d’anniversaire aujourd’hui.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>No LinkedIn profile on file for this member</source>
        <translation>Aucun profil LinkedIn enregistré pour ce membre</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Message copied: paste it into LinkedIn, Facebook or an email.</source>
        <translation>Message copié&#xa0;: collez-le dans LinkedIn, Facebook ou un e-mail.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1: wish recorded (%2).</source>
        <translation>%1&#xa0;: vœux notés (%2).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 is pending again.</source>
        <translation>%1 est de nouveau à fêter.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Copy %n message(s)</source>
        <translation>
            <numerusform>Copier %n message</numerusform>
            <numerusform>Copier %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Mark %n as done</source>
        <translation>
            <numerusform>Marquer %n comme fait</numerusform>
            <numerusform>Marquer les %n comme faits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n message(s) copied, each after its person&apos;s name.</source>
        <translation>
            <numerusform>%n message copié, après le nom de la personne.</numerusform>
            <numerusform>%n messages copiés, chacun après le nom de sa personne.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n wish(es) recorded (%1).</source>
        <translation>
            <numerusform>%n vœu enregistré (%1).</numerusform>
            <numerusform>%n vœux enregistrés (%1).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Fields: %1. Text in brackets around a field is left out when its value is unknown, e.g. %2.</source>
        <translation>Champs&#xa0;: %1. Le texte entre crochets autour d’un champ est omis quand sa valeur est inconnue, par exemple %2.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Preview for %1:</source>
        <translation>Aperçu pour %1&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>When the age or class year is unknown: %1</source>
        <translation>Si l’âge ou la promo est inconnu&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Template saved; the messages use it now.</source>
        <translation>Modèle enregistré&#xa0;; les messages l’utilisent désormais.</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../ui/labels.py" line="-72"/>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Former member</source>
        <translation>Ancien membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost touch</source>
        <translation>Perdu de vue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not verified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified graduate</source>
        <translation>Diplômé vérifié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>member</source>
        <translation>membre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>moderator</source>
        <translation>modérateur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>community manager</source>
        <translation>animateur</translation>
    </message>
</context>
</TS>
