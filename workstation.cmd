@echo off
rem NovaEvo Garage Workstation launcher (Windows).
rem   workstation            opens the workstation window (demo mode until an adapter/platform is configured)
rem   workstation --help     the command line
rem Builds what is missing or stale first (needs only a JDK 25: Maven comes through mvnw.cmd).
setlocal EnableDelayedExpansion
set "HERE=%~dp0"
set "APP=%HERE%app\target"

if not defined JAVA_HOME (
  for /d %%J in ("%ProgramFiles%\Eclipse Adoptium\jdk-25*" "%ProgramFiles%\Java\jdk-25*" "%ProgramFiles%\Microsoft\jdk-25*") do set "JAVA_HOME=%%~J"
)
if not defined JAVA_HOME goto nojdk
"%JAVA_HOME%\bin\java" -XshowSettings:properties -version 2>&1 | findstr /r /c:"java.specification.version = 2[5-9]" /c:"java.specification.version = [3-9][0-9]" >nul
if errorlevel 1 goto nojdk

rem Rebuild when the jar is missing or any source or POM is newer than it.
set "STALE=0"
if not exist "%APP%\workstation-app.jar" set "STALE=1"
if "%STALE%"=="0" (
  for /f %%N in ('powershell -NoProfile -Command "$jar=(Get-Item '%APP%\workstation-app.jar').LastWriteTime; @(Get-ChildItem -Recurse -File '%HERE%pom.xml','%HERE%*\pom.xml','%HERE%*\src' | Where-Object { $_.LastWriteTime -gt $jar }).Count"') do set "NEWER=%%N"
  if not "!NEWER!"=="0" set "STALE=1"
)
if "%STALE%"=="1" (
  echo Construction de la station... / Building the workstation...
  call "%HERE%mvnw.cmd" -B -q -DskipTests -f "%HERE%pom.xml" package
  if errorlevel 1 (
    echo La construction a echoue / The build failed.
    exit /b 1
  )
)

set "OMP_THREAD_LIMIT=1"
rem Start-up: JDK 25's ahead-of-time cache, recorded by the first window session after a build (no arguments).
set "CACHE="
if "%STALE%"=="1" if exist "%APP%\workstation.aot" del "%APP%\workstation.aot"
if exist "%APP%\workstation.aot" (
  set "CACHE=-XX:AOTCache=%APP%\workstation.aot"
) else if "%~1"=="" (
  set "CACHE=-XX:AOTCacheOutput=%APP%\workstation.aot"
)
"%JAVA_HOME%\bin\java" --enable-native-access=ALL-UNNAMED,javafx.graphics -Dfile.encoding=UTF-8 ^
  %CACHE% -Xlog:aot=off -Xlog:cds=off ^
  --module-path "%APP%\javafx" --add-modules javafx.controls ^
  -cp "%APP%\workstation-app.jar;%APP%\lib\*" fr.novaevo.workstation.app.Main %*
exit /b %ERRORLEVEL%

:nojdk
echo La station NovaEvo a besoin du JDK 25 / NovaEvo Workstation needs JDK 25.
echo   winget install EclipseAdoptium.Temurin.25.JDK
echo   then: set JAVA_HOME=C:\Program Files\Eclipse Adoptium\jdk-25...
exit /b 1
