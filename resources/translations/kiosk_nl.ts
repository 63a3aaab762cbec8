<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_BE" sourcelanguage="fr_FR">
    <context>
        <name>Category</name>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="36" />
            <source>Atelier</source>
            <translation>Workshop</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="37" />
            <source>Codesign</source>
            <translation>Cocreatie</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="38" />
            <source>Culture numérique</source>
            <translation>Digitale cultuur</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="39" />
            <source>Table ronde</source>
            <translation>Rondetafel</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="40" />
            <source>Fablab</source>
            <translation>Fablab</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="41" />
            <source>Exposition</source>
            <translation>Tentoonstelling</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="42" />
            <source>Visite</source>
            <translation>Bezoek</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="43" />
            <source>Musées</source>
            <translation>Musea</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="44" />
            <source>Parcs et jardins</source>
            <translation>Parken en tuinen</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="45" />
            <source>Piscines</source>
            <translation>Zwembaden</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="46" />
            <source>Médiathèques</source>
            <translation>Bibliotheken</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="47" />
            <source>Cinémas</source>
            <translation>Bioscopen</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="48" />
            <source>Sport</source>
            <translation>Sport</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="49" />
            <source>En famille</source>
            <translation>Met het gezin</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="50" />
            <source>Spectacles</source>
            <translation>Voorstellingen</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="51" />
            <source>Patrimoine</source>
            <translation>Erfgoed</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/categories.py" line="52" />
            <source>Tiers-lieux</source>
            <translation>Ontmoetingsplekken</translation>
        </message>
    </context>
    <context>
        <name>Dates</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="19" />
            <source>Aujourd'hui</source>
            <translation>Vandaag</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="21" />
            <source>Demain</source>
            <translation>Morgen</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="33" />
            <source>Toute la journée</source>
            <translation>De hele dag</translation>
        </message>
    </context>
    <context>
        <name>EventCard</name>
        <message>
            <location filename="../../kiosk/views/cards.py" line="50" />
            <source>En ce moment</source>
            <translation>Nu bezig</translation>
        </message>
    </context>
    <context>
        <name>EventView</name>
        <message>
            <location filename="../../kiosk/views/event.py" line="57" />
            <source>Cet événement n'est plus au programme.</source>
            <translation>Deze activiteit staat niet meer op het programma.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="58" />
            <source>Touchez « Retour » pour voir les autres.</source>
            <translation>Raak „Terug” aan om de andere te zien.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="73" />
            <source>En ce moment</source>
            <translation>Nu bezig</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="77" />
            <source>Lieu</source>
            <translation>Plaats</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="78" />
            <source>En quelques mots</source>
            <translation>In het kort</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="79" />
            <source>Accessibilité</source>
            <translation>Toegankelijkheid</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="80" />
            <source>Tarifs et conditions</source>
            <translation>Prijzen en voorwaarden</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="81" />
            <source>Inscription</source>
            <translation>Inschrijven</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="86" />
            <source>Accessible en fauteuil roulant</source>
            <translation>Toegankelijk met een rolstoel</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="87" />
            <source>Adapté aux personnes sourdes ou malentendantes</source>
            <translation>Geschikt voor dove of slechthorende mensen</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="88" />
            <source>Adapté aux personnes aveugles ou malvoyantes</source>
            <translation>Geschikt voor blinde of slechtziende mensen</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="89" />
            <source>Adapté aux personnes en situation de handicap psychique</source>
            <translation>Geschikt voor mensen met een psychische beperking</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="90" />
            <source>Adapté aux personnes en situation de handicap mental</source>
            <translation>Geschikt voor mensen met een verstandelijke beperking</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="97" />
            <source>De %1 à %2 ans</source>
            <translation>Van %1 tot %2 jaar</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="99" />
            <source>À partir de %1 ans</source>
            <translation>Vanaf %1 jaar</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="104" />
            <source>Cet événement est annulé : pas d'inscription.</source>
            <translation>Deze activiteit is geannuleerd: inschrijven kan niet.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="106" />
            <source>C'est complet : plus d'inscription possible.</source>
            <translation>Het is volzet: inschrijven kan niet meer.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="108" />
            <source>Sur internet</source>
            <translation>Online</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="109" />
            <source>Par e-mail</source>
            <translation>Per e-mail</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="110" />
            <source>Par téléphone</source>
            <translation>Per telefoon</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/event.py" line="115" />
            <source>Renseignez-vous à l’accueil du Champ Libre.</source>
            <translation>Vraag het aan het onthaal van Champ Libre.</translation>
        </message>
    </context>
    <context>
        <name>Freshness</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="61" />
            <source>Mis à jour à l'instant</source>
            <translation>Net bijgewerkt</translation>
        </message>
        <message numerus="yes">
            <location filename="../../kiosk/views/formatting.py" line="63" />
            <source>Mis à jour il y a %n min</source>
            <translation>
                <numerusform>%n min geleden bijgewerkt</numerusform>
                <numerusform>%n min geleden bijgewerkt</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../kiosk/views/formatting.py" line="64" />
            <source>Mis à jour il y a %n h</source>
            <translation>
                <numerusform>%n uur geleden bijgewerkt</numerusform>
                <numerusform>%n uur geleden bijgewerkt</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HomeView</name>
        <message>
            <location filename="../../kiosk/views/home.py" line="89" />
            <source>Bienvenue au Champ Libre</source>
            <translation>Welkom in Champ Libre</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="90" />
            <source>L.I.V.E, le lieu pour imaginer la ville en mieux. Touchez un grand bouton.</source>
            <translation>L.I.V.E, de plek om samen een betere stad te bedenken. Raak een grote knop aan.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="91" />
            <source>Le programme</source>
            <translation>Het programma</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="91" />
            <source>Ateliers et rencontres du lab</source>
            <translation>Workshops en ontmoetingen in het lab</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="92" />
            <source>Sorties près d'ici</source>
            <translation>Uitstappen in de buurt</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="92" />
            <source>Loisirs et comment y aller</source>
            <translation>Vrije tijd en hoe je er komt</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="93" />
            <source>Activités découverte</source>
            <translation>Ontdekkingsactiviteiten</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="93" />
            <source>Pour les groupes scolaires</source>
            <translation>Voor schoolgroepen</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="94" />
            <source>Bientôt au Champ Libre</source>
            <translation>Binnenkort in Champ Libre</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/home.py" line="107" />
            <source>Le programme arrive. Revenez dans un instant.</source>
            <translation>Het programma komt eraan. Kom zo dadelijk terug.</translation>
        </message>
    </context>
    <context>
        <name>NavBar</name>
        <message>
            <location filename="../../kiosk/ui/bars.py" line="61" />
            <source>Retour</source>
            <translation>Terug</translation>
        </message>
        <message>
            <location filename="../../kiosk/ui/bars.py" line="62" />
            <source>Accueil</source>
            <translation>Start</translation>
        </message>
    </context>
    <context>
        <name>PlacesView</name>
        <message>
            <location filename="../../kiosk/views/places.py" line="44" />
            <source>Sorties et loisirs près d'ici</source>
            <translation>Uitstappen en vrije tijd in de buurt</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="46" />
            <source>Du plus proche au plus loin. Temps à pied estimé depuis le Champ Libre, à 4,5 km/h.</source>
            <translation>Dichtstbijzijnde eerst. Wandeltijd geschat vanaf Champ Libre, aan 4,5 km/u.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="61" />
            <source>Tout</source>
            <translation>Alles</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="68" />
            <source>Aucun lieu à montrer pour le moment.</source>
            <translation>Voorlopig geen plaatsen om te tonen.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="89" />
            <source>Vous êtes ici</source>
            <translation>U bent hier</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/places.py" line="93" />
            <source>%1 km
%2 min à pied</source>
            <translation>%1 km
%2 min te voet</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeView</name>
        <message>
            <location filename="../../kiosk/views/programme.py" line="44" />
            <source>Le programme du lab</source>
            <translation>Het programma van het lab</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="60" />
            <source>Tout</source>
            <translation>Alles</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="69" />
            <source>Rien dans ces catégories pour le moment. Touchez « Tout » pour tout voir.</source>
            <translation>Voorlopig niets in deze categorieën. Raak „Alles” aan om alles te zien.</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/programme.py" line="71" />
            <source>Aucun événement à venir pour le moment. Revenez bientôt !</source>
            <translation>Voorlopig geen activiteiten gepland. Kom snel terug!</translation>
        </message>
    </context>
    <context>
        <name>Status</name>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="50" />
            <source>Annulé</source>
            <translation>Geannuleerd</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="51" />
            <source>Complet</source>
            <translation>Volzet</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="52" />
            <source>Reporté</source>
            <translation>Uitgesteld</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="53" />
            <source>Date modifiée</source>
            <translation>Nieuwe datum</translation>
        </message>
        <message>
            <location filename="../../kiosk/views/formatting.py" line="54" />
            <source>En ligne</source>
            <translation>Online</translation>
        </message>
    </context>
</TS>
