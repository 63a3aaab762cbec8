<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE" sourcelanguage="fr_FR">
<context>
    <name>Activity</name>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="28"/>
        <source>Bravo, c&apos;est ça ! 🎉</source>
        <translation>Goed zo, dat klopt! 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="30"/>
        <source>Pas tout à fait, mais vous apprenez quelque chose :</source>
        <translation>Niet helemaal, maar je leert iets bij:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="103"/>
        <source>La bonne réponse : %1</source>
        <translation>Het juiste antwoord: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="143"/>
        <source>👆 Touchez le bon lieu sur la carte.</source>
        <translation>👆 Tik op de juiste plek op de kaart.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="169"/>
        <source>💡 Indice %1 : %2</source>
        <translation>💡 Tip %1: %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="145"/>
        <source>Un indice</source>
        <translation>Een tip</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="153"/>
        <source>Pas tout à fait : ce n&apos;est pas « %1 ».</source>
        <translation>Niet helemaal: het is niet „%1”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="157"/>
        <source>Pas tout à fait : ce n&apos;est pas ce lieu-là.</source>
        <translation>Niet helemaal: het is niet die plek.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="160"/>
        <source>Lisez l&apos;indice et essayez encore !</source>
        <translation>Lees de hint en probeer het nog eens!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="177"/>
        <source>🟡 Le lieu est dans le cercle jaune sur la carte.</source>
        <translation>🟡 De plek ligt in de gele cirkel op de kaart.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="192"/>
        <source>%1 · %2 km d&apos;ici</source>
        <translation>%1 · %2 km hiervandaan</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="212"/>
        <source>Bravo, vous l&apos;avez trouvé du premier coup ! 🎉</source>
        <translation>Goed zo, jullie vonden het in één keer! 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="213"/>
        <source>Trouvé ! Bien joué, vous avez persévéré. 🎉</source>
        <translation>Gevonden! Goed gespeeld, jullie hielden vol. 🎉</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="290"/>
        <source>Touchez les étiquettes dans le bon ordre, ou faites-les glisser. Touchez-en une pour la retirer.</source>
        <translation>Tik de kaartjes in de juiste volgorde aan, of sleep ze. Tik er een aan om ze terug te nemen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="304"/>
        <source>Votre ordre</source>
        <translation>Jullie volgorde</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="310"/>
        <source>À placer</source>
        <translation>Nog te plaatsen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="332"/>
        <source>Vérifier mon ordre</source>
        <translation>Mijn volgorde controleren</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_steps.py" line="345"/>
        <source>Le bon ordre :</source>
        <translation>De juiste volgorde:</translation>
    </message>
</context>
<context>
    <name>ActivityMap</name>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="81"/>
        <source>La carte arrive…</source>
        <translation>De kaart komt eraan…</translation>
    </message>
</context>
<context>
    <name>ActivityView</name>
    <message>
        <location filename="../../kiosk/views/activity.py" line="123"/>
        <source>Lire à voix haute</source>
        <translation>Voorlezen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="124"/>
        <source>Étape précédente</source>
        <translation>Vorige stap</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="125"/>
        <source>Choisir une autre activité</source>
        <translation>Kies een andere activiteit</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="156"/>
        <source>Choisissez une activité pour commencer.</source>
        <translation>Kies een activiteit om te beginnen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="166"/>
        <source>Étape %1 sur %2</source>
        <translation>Stap %1 van %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="178"/>
        <source>Voir notre score  🏁</source>
        <translation>Onze score bekijken  🏁</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="178"/>
        <source>Suivant  ➡</source>
        <translation>Volgende  ➡</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="214"/>
        <source>Terminé !</source>
        <translation>Klaar!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="218"/>
        <source>Badge Super-explorateurs</source>
        <translation>Badge Superontdekkers</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="220"/>
        <source>Badge Explorateurs</source>
        <translation>Badge Ontdekkers</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="222"/>
        <source>Badge Jeunes pousses : continuez à explorer !</source>
        <translation>Badge Jonge spruiten: blijf ontdekken!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="229"/>
        <source>Bravo, %1 !</source>
        <translation>Goed gedaan, %1!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="233"/>
        <source>%1 bonnes réponses du premier coup sur %2</source>
        <translation>%1 van de %2 juiste antwoorden in één keer</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity.py" line="248"/>
        <source>À refaire à la maison, avec vos parents :</source>
        <translation>Om thuis nog eens te doen, met je ouders:</translation>
    </message>
</context>
<context>
    <name>AttractView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="199"/>
        <source>Bientôt au Champ Libre</source>
        <translation>Binnenkort in Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="200"/>
        <source>Touchez l&apos;écran pour commencer</source>
        <translation>Raak het scherm aan om te beginnen</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="36"/>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="37"/>
        <source>Codesign</source>
        <translation>Cocreatie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="38"/>
        <source>Culture numérique</source>
        <translation>Digitale cultuur</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="39"/>
        <source>Table ronde</source>
        <translation>Rondetafel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="40"/>
        <source>Fablab</source>
        <translation>Fablab</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="41"/>
        <source>Exposition</source>
        <translation>Tentoonstelling</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="42"/>
        <source>Visite</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="43"/>
        <source>Musées</source>
        <translation>Musea</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="44"/>
        <source>Parcs et jardins</source>
        <translation>Parken en tuinen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="45"/>
        <source>Piscines</source>
        <translation>Zwembaden</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="46"/>
        <source>Médiathèques</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="47"/>
        <source>Cinémas</source>
        <translation>Bioscopen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="48"/>
        <source>Sport</source>
        <translation>Sport</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="49"/>
        <source>En famille</source>
        <translation>Met het gezin</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="50"/>
        <source>Spectacles</source>
        <translation>Voorstellingen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="51"/>
        <source>Patrimoine</source>
        <translation>Erfgoed</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/categories.py" line="52"/>
        <source>Tiers-lieux</source>
        <translation>Ontmoetingsplekken</translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="19"/>
        <source>Aujourd&apos;hui</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="21"/>
        <source>Demain</source>
        <translation>Morgen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="33"/>
        <source>Toute la journée</source>
        <translation>De hele dag</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="44"/>
        <source>%1 à %2 ans</source>
        <translation>%1 tot %2 jaar</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="45"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="46"/>
        <source>%1 étapes</source>
        <translation>%1 stappen</translation>
    </message>
</context>
<context>
    <name>DiscoveryView</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="101"/>
        <source>Activités découverte</source>
        <translation>Ontdekkingsactiviteiten</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="102"/>
        <source>Choisissez une activité, puis le nom de votre équipe. Jouez ensemble !</source>
        <translation>Kies een activiteit en dan de naam van je team. Speel samen!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="113"/>
        <source>Pas d&apos;activité pour le moment.</source>
        <translation>Op dit moment geen activiteit.</translation>
    </message>
</context>
<context>
    <name>EventCard</name>
    <message>
        <location filename="../../kiosk/views/cards.py" line="50"/>
        <source>En ce moment</source>
        <translation>Nu bezig</translation>
    </message>
</context>
<context>
    <name>EventView</name>
    <message>
        <location filename="../../kiosk/views/event.py" line="111"/>
        <source>Cet événement n&apos;est plus au programme.</source>
        <translation>Deze activiteit staat niet meer op het programma.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="112"/>
        <source>Touchez « Retour » pour voir les autres.</source>
        <translation>Raak „Terug” aan om de andere te zien.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="129"/>
        <source>En ce moment</source>
        <translation>Nu bezig</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="133"/>
        <source>Lieu</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="134"/>
        <source>En quelques mots</source>
        <translation>In het kort</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="135"/>
        <source>Accessibilité</source>
        <translation>Toegankelijkheid</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="136"/>
        <source>Tarifs et conditions</source>
        <translation>Prijzen en voorwaarden</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="177"/>
        <source>Inscription</source>
        <translation>Inschrijven</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="142"/>
        <source>Accessible en fauteuil roulant</source>
        <translation>Toegankelijk met een rolstoel</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="55"/>
        <source>Lire à voix haute</source>
        <translation>Voorlezen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="143"/>
        <source>Adapté aux personnes sourdes ou malentendantes</source>
        <translation>Geschikt voor dove of slechthorende mensen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="144"/>
        <source>Adapté aux personnes aveugles ou malvoyantes</source>
        <translation>Geschikt voor blinde of slechtziende mensen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="145"/>
        <source>Adapté aux personnes en situation de handicap psychique</source>
        <translation>Geschikt voor mensen met een psychische beperking</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="146"/>
        <source>Adapté aux personnes en situation de handicap mental</source>
        <translation>Geschikt voor mensen met een verstandelijke beperking</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="153"/>
        <source>De %1 à %2 ans</source>
        <translation>Van %1 tot %2 jaar</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="155"/>
        <source>À partir de %1 ans</source>
        <translation>Vanaf %1 jaar</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="160"/>
        <source>Cet événement est annulé : pas d&apos;inscription.</source>
        <translation>Deze activiteit is geannuleerd: inschrijven kan niet.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="162"/>
        <source>C&apos;est complet : plus d&apos;inscription possible.</source>
        <translation>Het is volzet: inschrijven kan niet meer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="164"/>
        <source>Sur internet</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="165"/>
        <source>Par e-mail</source>
        <translation>Per e-mail</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="166"/>
        <source>Par téléphone</source>
        <translation>Per telefoon</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="171"/>
        <source>Renseignez-vous à l’accueil du Champ Libre.</source>
        <translation>Vraag het aan het onthaal van Champ Libre.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="201"/>
        <source>S&apos;inscrire ici</source>
        <translation>Hier inschrijven</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="205"/>
        <source>Pas de téléphone ? Inscrivez-vous sur cet écran.</source>
        <translation>Geen telefoon? Schrijf je in op dit scherm.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="212"/>
        <source>Scannez pour vous inscrire</source>
        <translation>Scan om je in te schrijven</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="215"/>
        <source>Scannez pour écrire un e-mail</source>
        <translation>Scan om een e-mail te schrijven</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/event.py" line="218"/>
        <source>Scannez pour appeler</source>
        <translation>Scan om te bellen</translation>
    </message>
</context>
<context>
    <name>FeedbackCard</name>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="85"/>
        <source>Ce kiosque vous a-t-il été utile ?</source>
        <translation>Had u iets aan deze kiosk?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="86"/>
        <source>Merci pour votre réponse !</source>
        <translation>Bedankt voor uw antwoord!</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Oui</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Un peu</source>
        <translation>Een beetje</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/feedback.py" line="87"/>
        <source>Non</source>
        <translation>Nee</translation>
    </message>
</context>
<context>
    <name>Freshness</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="61"/>
        <source>Mis à jour à l&apos;instant</source>
        <translation>Net bijgewerkt</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="63"/>
        <source>Mis à jour il y a %n min</source>
        <translation>%n min geleden bijgewerkt</translation>
    </message>
</context>
<context>
    <name>HomeView</name>
    <message>
        <location filename="../../kiosk/views/home.py" line="96"/>
        <source>Bienvenue au Champ Libre</source>
        <translation>Welkom in Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="103"/>
        <source>Le programme</source>
        <translation>Het programma</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="105"/>
        <source>Sorties près d&apos;ici</source>
        <translation>Uitstappen in de buurt</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="107"/>
        <source>Activités découverte</source>
        <translation>Ontdekkingsactiviteiten</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="99"/>
        <source>Le L.I.V.E est un lieu pour imaginer ensemble la ville de demain. Touchez un grand bouton pour commencer.</source>
        <translation>L.I.V.E is een plek om samen de stad van morgen te bedenken. Raak een grote knop aan om te beginnen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="103"/>
        <source>Les ateliers et les rencontres</source>
        <translation>Workshops en ontmoetingen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="105"/>
        <source>Musées, parcs, sport… et le chemin pour y aller</source>
        <translation>Musea, parken, sport… en de weg ernaartoe</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="107"/>
        <source>Des jeux en équipe pour les classes</source>
        <translation>Teamspellen voor schoolklassen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="108"/>
        <source>Bientôt au Champ Libre</source>
        <translation>Binnenkort in Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/home.py" line="130"/>
        <source>Le programme arrive. Revenez dans un instant.</source>
        <translation>Het programma komt eraan. Kom zo dadelijk terug.</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/views/idle.py" line="51"/>
        <source>Vous êtes toujours là ?</source>
        <translation>Bent u er nog?</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/idle.py" line="52"/>
        <source>Oui, je continue</source>
        <translation>Ja, ik ga verder</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/views/idle.py" line="62"/>
        <source>Retour à l&apos;accueil dans %n seconde(s).</source>
        <translation>
            <numerusform>Terug naar het begin over %n seconde.</numerusform>
            <numerusform>Terug naar het begin over %n seconden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="257"/>
        <source>Le kiosque fait une pause</source>
        <translation>De kiosk neemt even pauze</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="258"/>
        <source>Nous le remettons en forme. L&apos;équipe de l&apos;accueil est là pour vous renseigner.</source>
        <translation>We zetten hem weer op punt. Het onthaalteam helpt u graag verder.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../kiosk/views/map.py" line="328"/>
        <source>Sorties et loisirs près d&apos;ici</source>
        <translation>Uitstappen en vrije tijd in de buurt</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="329"/>
        <source>Du plus proche au plus loin, depuis la borne. Touchez un lieu pour tout savoir.</source>
        <translation>Dichtstbijzijnde eerst, vanaf deze zuil. Raak een plaats aan voor meer.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="330"/>
        <source>Près d&apos;ici :</source>
        <translation>In de buurt:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="334"/>
        <source>Toutes distances</source>
        <translation>Alle afstanden</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="336"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="339"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="82"/>
        <location filename="../../kiosk/views/map.py" line="340"/>
        <source>Zoomer</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="83"/>
        <location filename="../../kiosk/views/map.py" line="341"/>
        <source>Dézoomer</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="84"/>
        <location filename="../../kiosk/views/map.py" line="342"/>
        <source>Recentrer</source>
        <translation>Centreren</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/activity_map.py" line="106"/>
        <location filename="../../kiosk/views/activity_map.py" line="125"/>
        <location filename="../../kiosk/views/map.py" line="343"/>
        <location filename="../../kiosk/views/map.py" line="367"/>
        <source>Vous êtes ici</source>
        <translation>U bent hier</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="352"/>
        <source>Tout</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="382"/>
        <source>Aucun lieu à montrer pour le moment.</source>
        <translation>Voorlopig geen plaatsen om te tonen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="385"/>
        <source>Et %1 autres lieux sur la carte.</source>
        <translation>En nog %1 plaatsen op de kaart.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/map.py" line="368"/>
        <source>%1 km
%2 min à pied</source>
        <translation>%1 km
%2 min te voet</translation>
    </message>
</context>
<context>
    <name>NavBar</name>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="73"/>
        <source>Retour</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="74"/>
        <source>Accueil</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="75"/>
        <source>Agrandir le texte</source>
        <translation>Grotere tekst</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="76"/>
        <source>Contraste</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/bars.py" line="77"/>
        <source>Contraste élevé</source>
        <translation>Hoog contrast</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="53"/>
        <source>Code de l&apos;équipe</source>
        <translation>Code van het team</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="54"/>
        <source>Effacer</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="55"/>
        <source>Valider</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pinpad.py" line="71"/>
        <source>Trop d&apos;essais. Réessayez dans %1 s.</source>
        <translation>Te veel pogingen. Probeer opnieuw over %1 s.</translation>
    </message>
</context>
<context>
    <name>PlaceDetail</name>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="103"/>
        <source>Lire à voix haute</source>
        <translation>Voorlezen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="155"/>
        <source>Toute la liste</source>
        <translation>De hele lijst</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="156"/>
        <source>Horaires</source>
        <translation>Openingsuren</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="157"/>
        <source>Accessibilité</source>
        <translation>Toegankelijkheid</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="158"/>
        <source>Depuis la borne</source>
        <translation>Vanaf deze zuil</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="161"/>
        <source>Distance à vol d&apos;oiseau. Le temps à pied compte 30 % de chemin en plus pour suivre les rues, à 4,5 km/h.</source>
        <translation>Afstand in vogelvlucht. De looptijd rekent 30 % extra voor de straten, aan 4,5 km/u.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="165"/>
        <source>Arrêts de bus, tram et métro les plus proches</source>
        <translation>Dichtstbijzijnde bus-, tram- en metrohaltes</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="166"/>
        <source>Itinéraire sur votre téléphone</source>
        <translation>Route op je telefoon</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="184"/>
        <source>Visez ce code avec l&apos;appareil photo de votre téléphone : le trajet à pied s&apos;ouvre.</source>
        <translation>Richt de camera van je telefoon op deze code: de wandelroute gaat open.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="201"/>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="203"/>
        <source>%1 km</source>
        <translation>%1 km</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="204"/>
        <source>%1 à vol d&apos;oiseau, environ %2 min à pied</source>
        <translation>%1 in vogelvlucht, ongeveer %2 min lopen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="211"/>
        <source>lignes %1</source>
        <translation>lijnen %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="217"/>
        <source>Accessible en fauteuil roulant</source>
        <translation>Toegankelijk met een rolstoel</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="218"/>
        <source>Adapté aux personnes sourdes ou malentendantes</source>
        <translation>Geschikt voor dove of slechthorende mensen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="219"/>
        <source>Adapté aux personnes aveugles ou malvoyantes</source>
        <translation>Geschikt voor blinde of slechtziende mensen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="220"/>
        <source>Adapté aux personnes en situation de handicap psychique</source>
        <translation>Geschikt voor mensen met een psychische beperking</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/place_detail.py" line="221"/>
        <source>Adapté aux personnes en situation de handicap mental</source>
        <translation>Geschikt voor mensen met een verstandelijke beperking</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../kiosk/views/programme.py" line="44"/>
        <source>Le programme du lab</source>
        <translation>Het programma van het lab</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="60"/>
        <source>Tout</source>
        <translation>Alles</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="69"/>
        <source>Rien dans ces catégories pour le moment. Touchez « Tout » pour tout voir.</source>
        <translation>Voorlopig niets in deze categorieën. Raak „Alles” aan om alles te zien.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/programme.py" line="71"/>
        <source>Aucun événement à venir pour le moment. Revenez bientôt !</source>
        <translation>Voorlopig geen activiteiten gepland. Kom snel terug!</translation>
    </message>
</context>
<context>
    <name>SignageView</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="219"/>
        <source>Au programme du L.I.V.E</source>
        <translation>Op het programma van L.I.V.E</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="220"/>
        <source>Le programme complet est à l&apos;accueil du Champ Libre.</source>
        <translation>Het volledige programma ligt aan het onthaal van Champ Libre.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="231"/>
        <source>Pour vous inscrire : visez ce code avec l&apos;appareil photo de votre téléphone.</source>
        <translation>Om je in te schrijven: richt de camera van je telefoon op deze code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="234"/>
        <source>Appelez un animateur : il vous aidera avec plaisir.</source>
        <translation>Vraag het aan een begeleider: die helpt u graag.</translation>
    </message>
</context>
<context>
    <name>SignupView</name>
    <message>
        <location filename="../../kiosk/views/signup.py" line="280"/>
        <source>Enregistrement…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="293"/>
        <source>Votre inscription à « %1 » est bien enregistrée, pour %2 personne(s).</source>
        <translation>Je inschrijving voor ‘%1’ is opgeslagen, voor %2 persoon/personen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="297"/>
        <source>L&apos;équipe du L.I.V.E vous contactera si besoin.</source>
        <translation>Het L.I.V.E-team neemt zo nodig contact met je op.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="309"/>
        <source>Votre inscription n&apos;a pas pu être enregistrée. Réessayez, ou demandez à l&apos;accueil.</source>
        <translation>Je inschrijving kon niet worden opgeslagen. Probeer het opnieuw, of vraag het aan het onthaal.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="322"/>
        <source>Écrivez votre prénom.</source>
        <translation>Schrijf je voornaam.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="323"/>
        <source>Ce prénom ne semble pas juste : des lettres, 60 au plus.</source>
        <translation>Deze voornaam lijkt niet te kloppen: letters, hoogstens 60.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="325"/>
        <source>Donnez un e-mail ou un numéro de téléphone, pour qu&apos;on puisse vous répondre.</source>
        <translation>Geef een e-mailadres of een telefoonnummer, zodat we je kunnen antwoorden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="327"/>
        <source>Il manque le signe @ dans l&apos;adresse e-mail.</source>
        <translation>Het @-teken ontbreekt in het e-mailadres.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="328"/>
        <source>Cette adresse e-mail ne semble pas complète. Exemple : prenom@exemple.fr</source>
        <translation>Dit e-mailadres lijkt niet volledig. Voorbeeld: naam@voorbeeld.be</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="330"/>
        <source>Ce numéro ne semble pas juste. Exemples : 06 12 34 56 78 ou +32 470 12 34 56</source>
        <translation>Dit nummer lijkt niet te kloppen. Voorbeelden: 06 12 34 56 78 of +32 470 12 34 56</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="332"/>
        <source>De 1 à 10 personnes.</source>
        <translation>Van 1 tot 10 personen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="333"/>
        <source>Cochez la case pour accepter, sinon nous ne pouvons pas vous inscrire.</source>
        <translation>Vink het vakje aan om te aanvaarden, anders kunnen we je niet inschrijven.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="342"/>
        <source>S&apos;inscrire ici</source>
        <translation>Hier inschrijven</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="352"/>
        <source>Cet événement n&apos;est plus au programme.</source>
        <translation>Deze activiteit staat niet meer op het programma.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="354"/>
        <source>Plus d&apos;inscription possible pour cet événement.</source>
        <translation>Inschrijven is niet meer mogelijk voor dit evenement.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="355"/>
        <source>Votre prénom</source>
        <translation>Je voornaam</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="356"/>
        <source>Par exemple : Camille</source>
        <translation>Bijvoorbeeld: Camille</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="357"/>
        <source>Pour vous répondre, donnez un e-mail ou un numéro de téléphone.</source>
        <translation>Geef een e-mailadres of een telefoonnummer, zodat we je kunnen antwoorden.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="358"/>
        <source>Votre e-mail</source>
        <translation>Je e-mailadres</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="360"/>
        <source>ou votre téléphone</source>
        <translation>of je telefoon</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="362"/>
        <source>Nombre de personnes</source>
        <translation>Aantal personen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="363"/>
        <source>Une personne de moins</source>
        <translation>Eén persoon minder</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="364"/>
        <source>Une personne de plus</source>
        <translation>Eén persoon meer</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="365"/>
        <source>J&apos;accepte</source>
        <translation>Ik ga akkoord</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="366"/>
        <source>l&apos;accueil du Champ Libre</source>
        <translation>het onthaal van Champ Libre</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="369"/>
        <source>Le L.I.V.E garde votre prénom et votre e-mail ou téléphone seulement pour cette inscription, et pour vous prévenir en cas de changement. Ils sont effacés au plus tard après %1 jours. Une question : %2.</source>
        <translation>L.I.V.E bewaart je voornaam en je e-mailadres of telefoon alleen voor deze inschrijving, en om je te verwittigen als er iets verandert. Ze worden ten laatste na %1 dagen gewist. Een vraag: %2.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="377"/>
        <source>Envoyer mon inscription</source>
        <translation>Mijn inschrijving versturen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="378"/>
        <source>C&apos;est noté !</source>
        <translation>Genoteerd!</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/signup.py" line="379"/>
        <source>Terminé</source>
        <translation>Klaar</translation>
    </message>
</context>
<context>
    <name>Staff</name>
    <message>
        <location filename="../../kiosk/app.py" line="323"/>
        <source>Export impossible : voir le journal du kiosque.</source>
        <translation>Exporteren mislukt: zie het logboek van de kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/app.py" line="326"/>
        <source>%1 inscription(s) exportée(s) : %2</source>
        <translation>%1 inschrijving(en) geëxporteerd: %2</translation>
    </message>
</context>
<context>
    <name>StaffView</name>
    <message>
        <location filename="../../kiosk/views/staff.py" line="83"/>
        <source>Code incorrect.</source>
        <translation>Verkeerde code.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="100"/>
        <source>Espace équipe</source>
        <translation>Teamruimte</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="177"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="178"/>
        <source>Mode actuel : %1</source>
        <translation>Huidige modus: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="180"/>
        <source>choisi par l&apos;équipe jusqu&apos;à %1</source>
        <translation>gekozen door het team tot %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="198"/>
        <source>Pas de planning : le mode reste celui choisi.</source>
        <translation>Geen planning: de modus blijft zoals gekozen.</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="110"/>
        <source>Sources de contenu</source>
        <translation>Inhoudsbronnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="114"/>
        <source>Le kiosque</source>
        <translation>De kiosk</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="116"/>
        <source>Version %1</source>
        <translation>Versie %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="117"/>
        <source>En marche depuis %1</source>
        <translation>Actief sinds %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="118"/>
        <source>Mémoire : %1 Mo</source>
        <translation>Geheugen: %1 MB</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="121"/>
        <source>Inscriptions en attente d&apos;envoi : %1</source>
        <translation>Inschrijvingen die nog verzonden moeten worden: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="126"/>
        <source>Actualiser le contenu</source>
        <translation>Inhoud vernieuwen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="127"/>
        <source>Exporter les inscriptions</source>
        <translation>Inschrijvingen exporteren</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="128"/>
        <source>Redémarrer le kiosque</source>
        <translation>Kiosk herstarten</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="129"/>
        <source>Quitter vers le bureau</source>
        <translation>Afsluiten naar het bureaublad</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="131"/>
        <source>Exporter les statistiques (CSV)</source>
        <translation>Statistieken exporteren (CSV)</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="138"/>
        <source>Fermer l&apos;espace équipe</source>
        <translation>Teamruimte sluiten</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="155"/>
        <source>Utilisation (7 derniers jours)</source>
        <translation>Gebruik (laatste 7 dagen)</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="156"/>
        <source>Visites par jour</source>
        <translation>Bezoeken per dag</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="161"/>
        <source>« Utile ? » : 😀 %1 · 😐 %2 · 🙁 %3</source>
        <translation>„Nuttig?”: 😀 %1 · 😐 %2 · 🙁 %3</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="168"/>
        <source>Écrans les plus vus : %1</source>
        <translation>Meest bekeken schermen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="172"/>
        <source>Langues choisies : %1</source>
        <translation>Gekozen talen: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="202"/>
        <source>Activités découverte</source>
        <translation>Ontdekkingsactiviteiten</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="204"/>
        <source>Au choix des enfants</source>
        <translation>Naar keuze van de kinderen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="211"/>
        <source>Réinitialiser l&apos;équipe</source>
        <translation>Team opnieuw beginnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="220"/>
        <source>%1 : %2 commencée(s), %3 terminée(s) en 7 jours</source>
        <translation>%1: %2 begonnen, %3 afgewerkt in 7 dagen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="226"/>
        <source>%1 % de bonnes réponses du premier coup</source>
        <translation>%1 % juist bij de eerste poging</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="236"/>
        <source>Accueil</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="237"/>
        <source>Découverte</source>
        <translation>Ontdekking</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="238"/>
        <source>Affichage</source>
        <translation>Weergave</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="239"/>
        <source>Hors service</source>
        <translation>Buiten dienst</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="244"/>
        <source>à jour</source>
        <translation>bijgewerkt</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="245"/>
        <source>en panne, dernier contenu gardé</source>
        <translation>onbereikbaar, laatste inhoud bewaard</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="246"/>
        <source>en panne</source>
        <translation>onbereikbaar</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/staff.py" line="249"/>
        <source>dernier succès</source>
        <translation>laatste succes</translation>
    </message>
    <message>
        <location filename="../../kiosk/operations.py" line="267"/>
        <source>Export impossible : voir le journal du kiosque.</source>
        <translation>Exporteren mislukt: zie het logboek van de kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/operations.py" line="269"/>
        <source>Statistiques exportées (%1 lignes) : %2</source>
        <translation>Statistieken geëxporteerd (%1 rijen): %2</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="50"/>
        <source>Annulé</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="51"/>
        <source>Complet</source>
        <translation>Volzet</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="52"/>
        <source>Reporté</source>
        <translation>Uitgesteld</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="53"/>
        <source>Date modifiée</source>
        <translation>Nieuwe datum</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/formatting.py" line="54"/>
        <source>En ligne</source>
        <translation>Online</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="32"/>
        <source>Les Hiboux</source>
        <translation>De Uilen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="33"/>
        <source>Les Castors</source>
        <translation>De Bevers</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="34"/>
        <source>Les Étoiles</source>
        <translation>De Sterren</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="35"/>
        <source>Les Renards</source>
        <translation>De Vossen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="36"/>
        <source>Les Dauphins</source>
        <translation>De Dolfijnen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="37"/>
        <source>Les Abeilles</source>
        <translation>De Bijen</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="173"/>
        <source>%1 questions</source>
        <translation>%1 vragen</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="174"/>
        <source>Choisissez le nom de votre équipe :</source>
        <translation>Kies de naam van je team:</translation>
    </message>
    <message>
        <location filename="../../kiosk/views/discovery.py" line="177"/>
        <source>Rien n&apos;est enregistré sur votre équipe : le nom s&apos;efface à la fin du jeu.</source>
        <translation>Er wordt niets over je team bewaard: de naam wordt gewist aan het einde van het spel.</translation>
    </message>
</context>
<context>
    <name>_Carousel</name>
    <message>
        <location filename="../../kiosk/views/ambient.py" line="175"/>
        <source>Bienvenue au Champ Libre !</source>
        <translation>Welkom in Champ Libre!</translation>
    </message>
</context>
</TS>
